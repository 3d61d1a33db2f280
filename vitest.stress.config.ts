// The slow reliability suite (`npm run test:stress`): the default config leaves test/stress
// out of `npm test`, and a CLI filter cannot bring an excluded file back in. It also runs
// the files whose speed limits only it checks, and the fuzz and property tests with all
// their cases (ORCH_STRESS=1, see test/helpers/timing.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/stress/**/*.test.ts',
      // files with speed limits (test/helpers/timing.ts): checked here, one file at a time
      'test/unit/text/addedLines.test.ts',
      'test/unit/rules/status-integrity.test.ts',
      'test/unit/fs/withFileLock.test.ts',
      'test/reliability/slow-globs.test.ts',
      'test/reliability/status-write-faults.test.ts',
      'test/integration/git-matrix-binary-50mb.test.ts',
      // fuzz and property tests with their full number of cases (fuzzRuns)
      'test/reliability/fuzz.test.ts',
      'test/unit/status/mergeStatus.test.ts',
      'test/unit/status/properties.test.ts',
    ],
    // each kind of temp repository is set up once per run and copied (test/helpers/repoTemplates.ts)
    globalSetup: ['test/helpers/templatesSetup.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // each file starts many processes of its own: one file at a time
    maxWorkers: 1,
    fileParallelism: false,
  },
});
