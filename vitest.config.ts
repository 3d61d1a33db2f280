import { defineConfig } from 'vitest/config';

const EXCLUDE = ['test/stress/**', 'node_modules/**'];
// Files that change what their whole process shares (module mocks, process.env): each of
// them runs in a process of its own. Every other file runs in a worker shared with the
// files before it, which saves starting vitest and loading its modules again per file; a
// test's repositories, homes and processes are still its own (test/helpers/tempRepo.ts).
const OWN_PROCESS = [
  'test/unit/config/loadConfig-lazy.test.ts',
  'test/unit/fs/atomicWrite-failure.test.ts',
  'test/unit/engine/mergeDriver.test.ts',
];

export default defineConfig({
  test: {
    // each kind of temp repository is set up once per run and copied (test/helpers/repoTemplates.ts)
    globalSetup: ['test/helpers/templatesSetup.ts'],
    // A limit only for a test that hangs: real git under a loaded machine can take minutes,
    // and a limit that work can reach depends on the load, not on orch (speed limits are
    // checked by test:stress, see test/helpers/timing.ts).
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    // Integration tests spawn git and node; two cores: keep the pool small.
    pool: 'forks',
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...EXCLUDE, ...OWN_PROCESS], isolate: false },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS, exclude: EXCLUDE, isolate: true } },
    ],
  },
});
