// When an agent's own lease is due for renewal, and what the renewed row reads (see
// renewLease.ts). Pure: the edit-time check asks it before anything is written.
import type { Config } from '../config/schema.js';
import { formatStatusTime, lockExpiry, parseDuration, parseStatusDate } from '../locks/lockTimes.js';
import type { Lock } from '../types.js';

/** What the renewed lock would read, or null when it is not due (or cannot be renewed). */
export function renewalOf(lock: Lock, config: Config, now: Date): Pick<Lock, 'since' | 'expires'> | null {
  const every = config.locks.renewEvery === 'off' ? undefined : parseDuration(config.locks.renewEvery);
  if (every === undefined) return null;
  const expiry = lockExpiry(lock, config.locks.ttl);
  if (!expiry || expiry.getTime() <= now.getTime()) return null; // never expires, or already lapsed
  const since = parseStatusDate(lock.since);
  if (lock.expires) {
    // an Expires cell: the lease is as long as it was when taken (or locks.defaultTtl)
    const length = since
      ? expiry.getTime() - since.getTime()
      : parseDuration(config.locks.defaultTtl ?? config.locks.ttl);
    if (!length || length <= 0) return null;
    const renewedAt = expiry.getTime() - length; // when it was taken or last renewed
    if (now.getTime() - renewedAt < every) return null;
    // Since moves too: the lock reads as taken again now, for the same length
    return { since: formatStatusTime(now), expires: formatStatusTime(new Date(now.getTime() + length)) };
  }
  // no Expires cell: locks.ttl counts from Since, so the renewal moves Since
  if (!since || now.getTime() - since.getTime() < every) return null;
  return { since: formatStatusTime(now), expires: undefined };
}
