// Remote mode with --offline: the edit goes into the local status file at once, and the
// operation it made (if any) is remembered for `orch sync`, both under one status lock so
// that a concurrent sync never sees the one without the other.
import type { Config } from '../config/schema.js';
import type { Repo } from '../git/openRepo.js';
import type { LoadedStatus } from './loadStatus.js';
import { type PendingOp, readPending, writePending } from './pendingOps.js';
import { updateStatusLocked, withStatusLock } from './updateStatus.js';

export function updateStatusOffline<T>(
  repo: Repo,
  config: Config,
  edit: (current: LoadedStatus) => { text: string | null; result: T },
  pendingOf: (result: T) => PendingOp | null,
  label: string,
): Promise<T & { remote: { state: 'offline'; label: string } }> {
  return withStatusLock(repo, async () => {
    const result = await updateStatusLocked(repo, config, edit);
    const op = pendingOf(result);
    if (op) await writePending(repo.commonDir, [...readPending(repo.commonDir), op]);
    return { ...result, remote: { state: 'offline' as const, label } };
  });
}
