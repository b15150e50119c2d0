import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'api-server', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
