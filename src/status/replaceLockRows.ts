// The local view of a shared lock table: the local file's locks become exactly the given
// ones (the lock branch's), edited surgically — rows the table no longer has are cut
// out, rows it gained are added to the local Locks table, rows both have stay where they
// are. Reviews, Log and prose of the local file are not touched.
import type { Lock } from '../types.js';
import { addLock } from './addLock.js';
import { removeLocks } from './removeLocks.js';

/** A lock row's content as read back: two rows with the same key show the same lock. */
export function lockRowKey(l: Pick<Lock, 'path' | 'agent' | 'task' | 'since' | 'expires' | 'note'>): string {
  return [l.path, l.agent.replace(/^@+/, '').toLowerCase(), l.task, l.since, l.expires, l.note]
    .map((v) => (v ?? '').trim())
    .join('\0');
}

/**
 * @param keep  local locks that stay although the table lacks them (offline locks not
 *   published yet)
 */
export function replaceLockRows(text: string, locks: Lock[], keep: (lock: Lock) => boolean = () => false): string {
  const wanted = new Set(locks.map(lockRowKey));
  const { text: trimmed, kept } = removeLocks(text, (l) => !wanted.has(lockRowKey(l)) && !keep(l));
  const present = new Set(kept.map(lockRowKey));
  let out = trimmed;
  for (const l of locks) {
    const key = lockRowKey(l);
    if (present.has(key)) continue;
    present.add(key);
    out = addLock(out, {
      path: l.path,
      agent: l.agent,
      task: l.task,
      since: l.since ?? '',
      expires: l.expires,
      note: l.note,
    });
  }
  return out;
}
