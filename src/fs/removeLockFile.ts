// Removing a lock file that may have changed since it was looked at is the dangerous
// step of file locking: two waiters that both judged the same lock stale must not both
// remove it, or the second deletes the fresh lock the first has just created. So every
// removal of one incarnation (identified by `key`, see readLockHolder) first creates
// `<lock>.takeover-<key>` with O_EXCL: one process wins it, and the winner removes the
// file only if it still is that incarnation. Waiters and the owner's own release go
// through the same marker.
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { fsWriteError } from './fsWriteError.js';
import { readLockHolder } from './readLockHolder.js';

// A marker lives for microseconds; one older than this was left by a crash.
const MARKER_STALE_MS = 5_000;

/**
 * Removes the lock file at `path` if it is still the incarnation `key`. Returns false
 * when another process is removing that incarnation right now (try again later), true
 * otherwise (removed, or already replaced or gone).
 */
export function removeLockFile(path: string, key: string): boolean {
  const marker = `${path}.takeover-${key.replace(/[^\w.-]/g, '_')}`;
  try {
    closeSync(openSync(marker, 'wx', 0o644));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsWriteError(e, path);
    clearCrashedMarker(marker);
    return false;
  }
  try {
    if (readLockHolder(path)?.key === key) unlinkSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw fsWriteError(e, path);
  } finally {
    try {
      unlinkSync(marker);
    } catch {
      // Nothing left to clean.
    }
  }
}

function clearCrashedMarker(marker: string): void {
  try {
    if (Date.now() - statSync(marker).mtimeMs > MARKER_STALE_MS) unlinkSync(marker);
  } catch {
    // Gone already.
  }
}
