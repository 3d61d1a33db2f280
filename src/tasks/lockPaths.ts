// `orch lock`: take locks for the current agent, refusing any path that overlaps another
// agent's active lock. The check and the write happen under one status-file lock, so of
// several agents racing for one path exactly one wins. In remote mode (locks.remote) the
// same check and edit run on the lock branch instead, and a fast-forward push decides
// the race between clones (updateLockBranch); --offline records locally until `orch sync`.
import { OrchError } from '../errors.js';
import { addLock } from '../status/addLock.js';
import { readHolder } from '../status/readHolder.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { isGlobPath } from '../locks/lockIndex.js';
import { locksOverlap } from '../locks/locksOverlap.js';
import { globComplexity } from '../match/globComplexity.js';
import { formatStatusTime, isExpired, parseDuration } from '../locks/lockTimes.js';
import { overlapFinding } from '../rules/lock-conflict.js';
import type { Finding, Lock } from '../types.js';
import { prepareCheck, type CheckEnv, type Prepared } from '../check/prepareCheck.js';
import { toRepoPath } from '../check/toRepoPath.js';
import { updateStatus } from '../store/updateStatus.js';
import { updateStatusOffline } from '../store/updateStatusOffline.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import type { LoadedStatus } from '../store/loadStatus.js';

export interface LockRequest extends CheckEnv {
  paths: string[];
  task?: string;
  ttl?: string;
  note?: string;
  /** Remote mode: record in this clone only, to be published by `orch sync`. */
  offline?: boolean;
  /** Publishing an offline lock: the times it was taken with. */
  taken?: { since: string; expires?: string };
}

export interface LockResult {
  agent: string;
  locked: Omit<Lock, 'line'>[];
  already: string[];
  conflicts: Finding[];
  /** Remote mode: where the locks went. */
  remote?: RemoteOutcome;
}

export interface RemoteOutcome {
  /** published: on the lock branch; unchanged: nothing to publish; offline: local only, pending. */
  state: 'published' | 'unchanged' | 'offline';
  /** "<remote>/<branch>" */
  label: string;
  commit?: string | null;
  attempts?: number;
}

export async function lockPaths(req: LockRequest): Promise<LockResult> {
  if (req.paths.length === 0)
    throw new OrchError('orch lock: name at least one path to lock.', { hint: 'See `orch lock --help`.' });
  const prepared = await prepareCheck(req);
  const { repo, config } = prepared;
  const { agent, ttl, paths } = validRequest(req, prepared);
  const now = prepared.now;
  const since = req.taken?.since ?? formatStatusTime(now);
  const expires = req.taken
    ? req.taken.expires
    : ttl
      ? formatStatusTime(new Date(now.getTime() + parseDuration(ttl)!))
      : undefined;
  const edit = lockEdit(prepared, agent, paths, { task: req.task, note: req.note, since, expires });

  const target = lockBranchTarget(config);
  if (target && !req.offline) {
    const { updateLockBranch, remoteOutcomeOf } = await import('../remote/updateLockBranch.js');
    const p = await updateLockBranch(repo, config, {
      agent,
      what: `lock ${paths.join(', ')}`,
      edit,
      message: (r) => `lock ${r.locked.map((l) => l.path).join(', ')}${req.task ? ` (${req.task})` : ''}`,
      offlineFlag: true,
    });
    return {
      ...p.result,
      remote: remoteOutcomeOf(p),
    };
  }
  if (!target) return updateStatus(repo, config, edit);
  // offline: the local table now, and a record for `orch sync`
  return updateStatusOffline(
    repo,
    config,
    edit,
    (result) =>
      result.locked.length
        ? {
            op: 'lock',
            agent,
            at: now.toISOString(),
            paths: result.locked.map((l) => l.path),
            task: req.task,
            note: req.note,
            since,
            expires,
          }
        : null,
    target.label,
  );
}

/** Who locks, for how long, and which repository paths: refused before anything is written. */
function validRequest(req: LockRequest, prepared: Prepared): { agent: string; ttl?: string; paths: string[] } {
  const { repo, config, identity } = prepared;
  if (!identity.name)
    throw new OrchError('no identity to lock as.', {
      hint: 'Set ORCH_AGENT, pass --agent NAME, or run `git config orch.agent NAME`.',
    });
  const agent = identity.name;
  const ttl = req.ttl ?? config.locks.defaultTtl;
  if (ttl !== undefined && parseDuration(ttl) === undefined) {
    throw new OrchError(`--ttl ${ttl} is not a duration.`, { hint: 'Use a number and a unit: 30m, 8h, 2d, 1w.' });
  }
  for (const [flag, value] of [
    ['--task', req.task],
    ['--note', req.note],
  ] as const) {
    if (value !== undefined && /[\r\n]/.test(value)) throw new OrchError(`${flag} must be a single line.`);
  }
  // What orch writes must read back as written (README: WORK_STATUS.md): a name the reader
  // would not take as a holder, or a backslash that would be read as a separator, is refused.
  if (readHolder(agent) !== agent) {
    throw new OrchError(
      `${JSON.stringify(agent)} cannot hold a lock: the status file would not read it back as a name.`,
      {
        hint: 'Use one name of letters, digits, -, _ and . (such as backend-architect) in ORCH_AGENT, --agent or git config orch.agent.',
      },
    );
  }
  for (const p of req.paths) {
    if (p.includes('\\'))
      throw new OrchError(`cannot lock ${JSON.stringify(p)}: a backslash is read as a directory separator.`, {
        hint: 'Write paths with /; nothing was written.',
      });
  }
  const paths = [...new Set(req.paths.map((p) => toRepoPath(p, req.cwd, repo.top)))];
  for (const p of paths) {
    if (p === '')
      throw new OrchError('refusing to lock the whole repository.', {
        hint: 'Lock the directories or files you will change.',
      });
    const problem =
      isGlobPath(p) && !prepared.existsLiterally(p.replace(/\/+$/, '')) ? globComplexity(p).problem : null;
    if (problem) {
      throw new OrchError(
        `cannot lock ${p}: the pattern is too costly to match against every commit's paths — ${problem}.`,
        {
          hint: 'Lock a directory (dir/) or a simpler glob (dir/**/*.ts), or several plain paths.',
        },
      );
    }
  }
  return { agent, ttl, paths };
}

/**
 * The edit of a lock table: refused as a whole when a path overlaps another agent's active
 * lock, else the agent's new locks added (a path it already holds is left as it is).
 */
function lockEdit(
  prepared: Prepared,
  agent: string,
  paths: string[],
  fields: { task?: string; note?: string; since: string; expires?: string },
): (current: LoadedStatus) => { text: string | null; result: LockResult } {
  const { config, now } = prepared;
  return (current) => {
    const result: LockResult = { agent, locked: [], already: [], conflicts: [] };
    const active = current.combined.locks.filter((l) => !isExpired(l, now, config.locks.ttl));
    for (const p of paths) {
      const blockers = active.filter(
        // case twins overlap: they are one file on macOS and Windows checkouts
        (l) => !sameAgent(l.agent, agent) && locksOverlap(p, l.path, true, prepared.existsLiterally),
      );
      for (const l of blockers) {
        result.conflicts.push(overlapFinding(p, l, config.locks.ttl));
      }
    }
    if (result.conflicts.length) return { text: null, result };
    let text = current.ownText ?? '';
    for (const p of paths) {
      const mine = active.find((l) => sameAgent(l.agent, agent) && l.path === p);
      if (mine) {
        result.already.push(p);
        continue;
      }
      const lock = {
        path: p,
        agent,
        task: fields.task,
        since: fields.since,
        expires: fields.expires,
        note: fields.note,
      };
      text = addLock(text, lock);
      result.locked.push(lock);
    }
    return { text: result.locked.length ? text : null, result };
  };
}
