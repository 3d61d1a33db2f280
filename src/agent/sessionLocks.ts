// Which auto-locks a harness session took. `orch guard` writes the session into the lock's
// note ("taken by orch guard (autoLock, session <id>)"), so that the session's end can
// release what it took and nothing else.
import type { Lock } from '../types.js';

const NOTE = 'taken by orch guard (autoLock';

/** The session id as it may stand in a table cell: no separators, no control characters. */
export function sessionTag(sessionId: string | null): string | null {
  const tag = sessionId?.replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 64);
  return tag ? tag : null;
}

export function autoLockNote(sessionId: string | null): string {
  const tag = sessionTag(sessionId);
  return tag ? `${NOTE}, session ${tag})` : `${NOTE})`;
}

/** True for an auto-lock taken in this session. */
export function takenInSession(lock: Lock, sessionId: string | null): boolean {
  const tag = sessionTag(sessionId);
  return tag !== null && (lock.note ?? '').trim() === `${NOTE}, session ${tag})`;
}
