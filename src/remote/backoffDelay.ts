// How long to wait before the next attempt at the lock branch. The unit ("slot") is how
// long one attempt's fetch-to-push cycle took: that is the window in which another
// clone's push makes ours stale, so waiting in multiples of it spreads contenders out
// whether the remote answers in 10 ms (a local bare repository) or 2 s (a hosted one
// with server hooks). The ceiling doubles with every lost race, up to a cap; the wait is
// a random point below it, so clones that lost the same race do not come back together.

export const BACKOFF_BASE_MS = 40;
export const BACKOFF_CAP_MS = 1_000;
/** However slow the remote, the ceiling stops growing at this many slots. */
const CAP_SLOTS = 8;

/**
 * @param attempt  races lost so far minus one (0 after the first)
 * @param slotMs   how long the last attempt's fetch-to-push cycle took
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, slotMs = BACKOFF_BASE_MS): number {
  const slot = Math.max(BACKOFF_BASE_MS, slotMs);
  const ceiling = Math.min(Math.max(BACKOFF_CAP_MS, CAP_SLOTS * slot), slot * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.1 + 0.9 * random()));
}
