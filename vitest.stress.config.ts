// The slow reliability suite (`npm run test:stress`): the default config leaves test/stress
// out of `npm test`, and a CLI filter cannot bring an excluded file back in.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // each file starts many processes of its own: one file at a time
    maxWorkers: 1,
    fileParallelism: false,
  },
});
