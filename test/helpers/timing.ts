// Speed limits, checked by `npm run test:stress` only. In `npm test` the timed work is done
// and its result checked as always, but not its speed: on a machine busy with other work
// (two cores shared with builds, another test run) any fixed limit fails now and then.
// test:stress sets ORCH_STRESS=1 and runs one file at a time; vitest.stress.config.ts lists
// the files that have limits. The same switch gives fuzz and property tests their full
// number of cases (fuzzRuns).
import { expect } from 'vitest';

export const SPEED_CHECKED = process.env.ORCH_STRESS === '1';

/** Fails, under test:stress, when `ms` is not below `limitMs`. */
export function expectFasterThan(ms: number, limitMs: number, what = 'time taken'): void {
  if (SPEED_CHECKED) expect(ms, `${what}: ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
}

/**
 * How many generated cases a fuzz or property test runs: `full` under test:stress, a fifth
 * of it (at least 20) in `npm test`, which still meets every property on varied input each
 * run while test:stress searches as far as it always did.
 */
export function fuzzRuns(full: number): number {
  return SPEED_CHECKED ? full : Math.max(20, Math.ceil(full / 5));
}
