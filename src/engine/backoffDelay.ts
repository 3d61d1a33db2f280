// How long to wait before the next attempt at the lock branch: exponential in the number
// of attempts so far, capped, with jitter (a random point in the upper three quarters below the ceiling) so
// that clones which lost the same race do not come back at the same moment.

export const BACKOFF_BASE_MS = 40;
export const BACKOFF_CAP_MS = 1_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.25 + 0.75 * random()));
}
