// `orch sync`: publish what this clone did offline, then show the shared table. Offline
// operations are replayed in the order they were taken, each through the ordinary
// remote path (so each is checked against the lock branch as it is then); one that now
// conflicts is reported and dropped. Each is struck from the pending list once the remote
// has answered for it, so an interrupted sync resumes where it stopped.
import { loadConfig } from '../config/loadConfig.js';
import { OrchError } from '../errors.js';
import type { Finding } from '../types.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import { lockPaths } from './lockPaths.js';
import { openRepo } from '../git/openRepo.js';
import { readPending, writePending, type PendingOp } from '../store/pendingOps.js';
import { identityFor, type CheckEnv } from '../check/prepareCheck.js';
import { unlockPaths } from './unlockPaths.js';
import { updateLockBranch } from '../remote/updateLockBranch.js';
import { withStatusLock } from '../store/updateStatus.js';

export interface SyncResult {
  /** "<remote>/<branch>" */
  label: string;
  published: PendingOp[];
  rejected: { op: PendingOp; findings: Finding[] }[];
  /** The lock branch tip after the sync; null when the branch does not exist yet. */
  commit: string | null;
  /** Lock rows on the lock branch. */
  locks: number;
}

export async function syncLocks(req: CheckEnv): Promise<SyncResult> {
  const repo = await openRepo(req.cwd);
  const { config } = await loadConfig(repo.top);
  const target = lockBranchTarget(config);
  if (!target) {
    throw new OrchError('orch sync: remote mode is off: the configuration sets no locks.remote.', {
      hint: 'Run `orch init --remote origin` (or set "locks": { "remote": "origin" } in the configuration).',
    });
  }
  const result: SyncResult = { label: target.label, published: [], rejected: [], commit: null, locks: 0 };
  // from the repository's top: pending paths are repository-relative
  const env: CheckEnv = { ...req, cwd: repo.top };
  for (const op of readPending(repo.commonDir)) {
    if (op.op === 'lock') {
      const r = await lockPaths({
        ...env,
        agentFlag: op.agent,
        paths: op.paths,
        task: op.task,
        note: op.note,
        taken: { since: op.since, expires: op.expires },
      });
      if (r.conflicts.length) result.rejected.push({ op, findings: r.conflicts });
      else result.published.push(op);
    } else {
      await unlockPaths({ ...env, agentFlag: op.agent, paths: op.paths, steal: op.steal, reason: op.reason });
      result.published.push(op);
    }
    await strike(repo, op);
  }
  const agent = identityFor(repo, config, req).name ?? 'orch';
  const final = await updateLockBranch(repo, config, {
    agent,
    what: `sync with ${target.label}`,
    edit: (current) => ({ text: null, result: current.combined.locks.length }),
    message: () => 'sync',
  });
  result.commit = final.commit;
  result.locks = final.result;
  return result;
}

async function strike(repo: { commonDir: string }, op: PendingOp): Promise<void> {
  const key = JSON.stringify(op);
  await withStatusLock(repo, async () => {
    const ops = readPending(repo.commonDir);
    const i = ops.findIndex((o) => JSON.stringify(o) === key);
    if (i !== -1) ops.splice(i, 1);
    await writePending(repo.commonDir, ops);
  });
}
