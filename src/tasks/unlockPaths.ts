// `orch unlock`: release the agent's own locks; with --steal --reason, another agent's,
// recording the steal in the Log so status-integrity accepts the removal. In remote mode
// the release happens on the lock branch (see lockPaths); --offline records it locally.
import { OrchError } from '../errors.js';
import { removeLocks } from '../status/removeLocks.js';
import { appendLog } from '../status/appendLog.js';
import { formatStealEntry } from '../status/formatStealEntry.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import type { Lock } from '../types.js';
import { prepareCheck, type CheckEnv } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { toRepoPath } from '../check/toRepoPath.js';
import { updateStatus } from '../store/updateStatus.js';
import { updateStatusOffline } from '../store/updateStatusOffline.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import type { LoadedStatus } from '../store/loadStatus.js';
import type { RemoteOutcome } from './lockPaths.js';

export interface UnlockRequest extends CheckEnv {
  paths: string[];
  task?: string;
  all?: boolean;
  steal?: boolean;
  reason?: string;
  /** Remote mode: record in this clone only, to be published by `orch sync`. */
  offline?: boolean;
}

export interface UnlockResult {
  agent: string;
  released: Lock[];
  stolen: Lock[];
  /** Locks of others that matched but were left alone (no --steal), or live in another worktree. */
  refused: Lock[];
  /** Remote mode: where the release went. */
  remote?: RemoteOutcome;
}

export async function unlockPaths(req: UnlockRequest): Promise<UnlockResult> {
  if (req.steal && !req.reason?.trim()) {
    throw new OrchError('--steal needs --reason "…": a steal is recorded with its reason.');
  }
  if (req.reason && /[\r\n]/.test(req.reason)) throw new OrchError('--reason must be a single line.');
  if (!req.paths.length && !req.task && !req.all) {
    throw new OrchError('orch unlock: name paths, --task ID or --all.', { hint: 'See `orch unlock --help`.' });
  }
  const prepared = await prepareCheck(req);
  const { repo, config, identity, now } = prepared;
  if (!identity.name)
    throw new OrchError('no identity to unlock as.', { hint: 'Set ORCH_AGENT or pass --agent NAME.' });
  const agent = identity.name;
  const paths = req.paths.map((p) => toRepoPath(p, req.cwd, repo.top));
  if (req.all && req.steal) throw new OrchError('--all releases only your own locks; name the paths to steal.');
  const strip = (p: string) => p.replace(/\/+$/, '');
  const fold = repo.ignoreCase ? (p: string) => strip(p).toLowerCase() : strip;
  // a named path releases the lock on it and, for a directory, every lock beneath it
  const under = (lockPath: string, p: string) => {
    const a = fold(lockPath);
    const b = fold(p);
    return b === '' || a === b || a.startsWith(b + '/');
  };
  const selected = (l: Lock) =>
    (paths.length === 0 || paths.some((p) => under(l.path, p))) && (req.task === undefined || l.task === req.task);
  const mine = (l: Lock) => sameAgent(l.agent, agent);

  const at = formatStatusTime(now);
  const stealEntries = (stolen: Lock[]) =>
    stolen.map((l) => formatStealEntry({ at, by: agent, path: l.path, from: l.agent, reason: req.reason!.trim() }));

  const edit = (current: LoadedStatus): { text: string | null; result: UnlockResult } => {
    const result: UnlockResult = { agent, released: [], stolen: [], refused: [] };
    const { text, removed } = removeLocks(current.ownText ?? '', (l) => selected(l) && (mine(l) || Boolean(req.steal)));
    for (const l of removed) (mine(l) ? result.released : result.stolen).push(l);
    // what matched but stays: others' locks without --steal, and locks written in another
    // worktree's status file (released from that worktree)
    const ownSource = (l: Lock) => l.source === undefined || l.source === config.statusFile;
    for (const l of current.combined.locks) {
      if (!selected(l)) continue;
      // --all and --task mean "mine": another agent's lock is not something this run refused
      if (paths.length === 0 && !mine(l)) continue;
      if (!ownSource(l) || (!mine(l) && !req.steal)) result.refused.push(l);
    }
    const out = result.stolen.length ? appendLog(text, stealEntries(result.stolen)) : text;
    return { text: removed.length ? out : null, result };
  };

  const target = lockBranchTarget(config);
  if (target && !req.offline) {
    const { updateLockBranch, remoteOutcomeOf } = await import('../remote/updateLockBranch.js');
    const p = await updateLockBranch(repo, config, {
      agent,
      what: `unlock ${paths.length ? paths.join(', ') : req.task ? `task ${req.task}` : 'all your locks'}`,
      edit,
      message: (r) =>
        [
          ...(r.released.length ? [`unlock ${r.released.map((l) => l.path).join(', ')}`] : []),
          ...r.stolen.map((l) => `steal ${l.path} from ${l.agent}: ${req.reason!.trim()}`),
        ].join('; '),
      // the steal stays on record in the local Log too
      local: (current, r) => (r.stolen.length ? appendLog(current.ownText ?? '', stealEntries(r.stolen)) : null),
      offlineFlag: true,
    });
    return {
      ...p.result,
      remote: remoteOutcomeOf(p),
    };
  }
  if (!target) return updateStatus(repo, config, edit);
  return updateStatusOffline(
    repo,
    config,
    edit,
    (result) =>
      result.released.length || result.stolen.length
        ? {
            op: 'unlock',
            agent,
            at: now.toISOString(),
            paths: [...result.released, ...result.stolen].map((l) => l.path),
            ...(req.steal ? { steal: true, reason: req.reason!.trim() } : {}),
          }
        : null,
    target.label,
  );
}
