import { defineConfig } from 'vitest/config';

// One run over every project; each package and app keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tooling/vitest.config.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    // Two cores: two forked workers. Integration test files each start their own PGlite (~3 s of
    // CPU), so more workers than cores would only make them contend.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
