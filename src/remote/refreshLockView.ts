// After every remote operation: the local WORK_STATUS.md shows the lock branch's table.
// Its lock rows become the lock branch's rows (plus this clone's offline locks not yet
// published); its Reviews, Log and prose stay as they are. Written under the status lock,
// atomically, like every other write of the file.
import type { Config } from '../config/schema.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { replaceLockRows } from '../status/replaceLockRows.js';
import type { Lock } from '../types.js';
import type { LoadedStatus } from '../store/loadStatus.js';
import type { Repo } from '../git/openRepo.js';
import { readPending } from '../store/pendingOps.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { updateStatusLocked, withStatusLock } from '../store/updateStatus.js';

/**
 * @param local  bookkeeping for the local file first (a Log entry, a review row): returns
 *   the new text, or null for none
 * @returns whether the local file changed
 */
export async function refreshLockView(
  repo: Repo,
  config: Config,
  locks: Lock[],
  local?: (current: LoadedStatus) => string | null,
): Promise<boolean> {
  return withStatusLock(repo, () =>
    updateStatusLocked(repo, config, (current) => {
      // no status file in this checkout (sparse, deleted): there is no view to refresh
      if ((current as { outsideCheckout?: boolean }).outsideCheckout) return { text: null, result: false };
      const pending = readPending(repo.commonDir).filter((op) => op.op === 'lock');
      const unpublished = (l: Lock) => pending.some((op) => sameAgent(op.agent, l.agent) && op.paths.includes(l.path));
      const seeded = current.ownText === null ? { ...current, ownText: CANONICAL_STATUS } : current;
      const base = (local ? local(seeded) : null) ?? seeded.ownText!;
      const next = replaceLockRows(base, locks, unpublished);
      return { text: next === current.ownText ? null : next, result: next !== current.ownText };
    }),
  );
}
