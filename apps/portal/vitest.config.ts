import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'portal',
    environment: 'node',
    include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
  },
});
