import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/stress/**', 'node_modules/**'],
    // A limit only for a test that hangs: real git under a loaded machine can take minutes,
    // and a limit that work can reach depends on the load, not on orch (speed limits are
    // checked by test:stress, see test/helpers/timing.ts).
    // each kind of temp repository is set up once per run and copied (test/helpers/repoTemplates.ts)
    globalSetup: ['test/helpers/templatesSetup.ts'],
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    // Integration tests spawn git and node; two cores: keep the pool small.
    pool: 'forks',
    maxWorkers: 3,
  },
});
