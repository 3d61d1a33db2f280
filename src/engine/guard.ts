// `orch guard`: the edit-time check. The protocol says to lock before modifying; an agent
// that learns at commit time that a file was locked has already done the work. So before
// an edit, the same two rules the commit hook applies to that one file — lock-conflict and
// contract-owner — run over a one-file change ("M", or "A" for a new file). Nothing else
// runs: this happens before every edit an agent makes.
//
// autoLock (locks.autoLock): an edit by an agent of a path no active lock covers takes the
// lock for it, under task ORCH_TASK, else "auto" — released with `orch done <task>`. The
// rules run against the status as it would be with that lock, so that a contract owner
// whose group requires a lock is not blocked for lacking the lock the guard is about to
// take, while a path the agent may not edit is never locked.
import { lockPaths } from './lockPaths.js';
import fs from 'node:fs';
import path from 'node:path';
import { isOrchError } from '../errors.js';
import { blobText } from '../git/blobReader.js';
import { buildLockIndex } from '../locks/lockIndex.js';
import { formatStatusTime, isExpired } from '../locks/lockTimes.js';
import type { ChangeSet, Finding, Lock, StatusDoc } from '../types.js';
import { openRepo, type Repo } from './openRepo.js';
import { prepareCheck, type CheckEnv } from './prepareCheck.js';
import { runRules } from './runRules.js';
import { toRepoPath } from './toRepoPath.js';

export const GUARD_RULES = ['lock-conflict', 'contract-owner'];
export const AUTO_LOCK_TASK = 'auto';

export interface GuardRequest extends CheckEnv {
  /** The file about to be edited: absolute, or relative to `cwd`. */
  path: string;
}

export interface GuardResult {
  decision: 'allow' | 'block';
  /** Why it was allowed without a check, when it was. */
  passed?: 'outside-repository' | 'skipped' | 'status-file';
  /** Repository-relative, or null when the path is outside the repository. */
  path: string | null;
  agent: string | null;
  /** Error findings block; warnings (an expired lock) do not. */
  findings: Finding[];
  /** The lock autoLock took, if it took one. */
  locked?: { path: string; task: string };
}

export async function guard(req: GuardRequest): Promise<GuardResult> {
  const outside: GuardResult = { decision: 'allow', passed: 'outside-repository', path: null, agent: null, findings: [] };
  let repo: Repo;
  try {
    repo = await openRepo(req.cwd);
  } catch (e) {
    if (isOrchError(e)) return outside; // not in a repository: nothing to enforce
    throw e;
  }
  if (repo.bare) return outside;
  let rel: string;
  try {
    rel = toRepoPath(req.path, req.cwd, repo.top);
  } catch (e) {
    if (isOrchError(e)) return outside;
    throw e;
  }
  if (rel === '' || rel === '.git' || rel.startsWith('.git/')) return { ...outside, path: rel || null };

  const prepared = await prepareCheck(req, Promise.resolve(repo));
  const { config, identity, now } = prepared;
  const base = { path: rel, agent: identity.name };
  if (prepared.skip.all) return { decision: 'allow', passed: 'skipped', findings: [], ...base };
  if (rel === config.statusFile) return { decision: 'allow', passed: 'status-file', findings: [], ...base };

  const abs = path.join(repo.top, rel);
  const exists = fs.existsSync(abs);
  const readNow = async (p: string) => {
    try {
      return blobText(fs.readFileSync(path.join(repo.top, p)));
    } catch {
      return null;
    }
  };
  // the edit's new content is not known yet: both sides read the file as it is now
  const changes: ChangeSet = {
    kind: 'index',
    files: [{ status: exists ? 'M' : 'A', path: rel }],
    read: (p) => readNow(p),
    insertedLines: async () => [],
    exists: async (p) => fs.existsSync(path.join(repo.top, p)),
    listFiles: async () => [],
  };

  const status = prepared.status.combined;
  const active = status.locks.filter((l) => !isExpired(l, now, config.locks.ttl));
  const covered = buildLockIndex(active, { ignoreCase: repo.ignoreCase, existsLiterally: prepared.existsLiterally }).match(rel).length > 0;
  const autoLock = config.locks.autoLock && identity.isAgent && identity.name !== null && !covered;
  const task = req.env.ORCH_TASK?.trim() || AUTO_LOCK_TASK;
  const judged: StatusDoc = autoLock
    ? { ...status, locks: [...status.locks, { path: rel, agent: identity.name!, task, since: formatStatusTime(now), line: 0 } satisfies Lock] }
    : status;

  const findings = await runRules(
    {
      changes,
      status: judged,
      config,
      configFile: prepared.configFile ?? undefined,
      identity,
      context: 'check',
      ignoreCase: repo.ignoreCase,
      existsLiterally: prepared.existsLiterally,
      now,
    },
    prepared.skip,
    GUARD_RULES,
  );
  if (findings.some((f) => f.severity === 'error')) return { decision: 'block', findings, ...base };
  if (!autoLock) return { decision: 'allow', findings, ...base };

  const result = await lockPaths({ cwd: repo.top, env: req.env, agentFlag: req.agentFlag, now: req.now, paths: [rel], task, note: 'taken by orch guard (autoLock)' });
  // another agent locked it between our read and our write: theirs stands
  if (result.conflicts.length) return { decision: 'block', findings: [...findings, ...result.conflicts], ...base };
  return { decision: 'allow', findings, ...base, ...(result.locked.length ? { locked: { path: rel, task } } : {}) };
}

/** The lines a harness feeds back to the model for a blocked edit: what, who, and the fix. */
export function guardMessage(result: GuardResult, limit = 2): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const lines: string[] = [];
  for (const f of errors.slice(0, limit)) {
    lines.push(`orch: edit blocked (${f.rule}): ${f.message}`);
    if (f.fix) lines.push(`  Fix: ${f.fix.replace(/ out of this commit\b/, ' alone')}`);
  }
  if (errors.length > limit) lines.push(`  (${errors.length - limit} more: orch check --files ${result.path ?? ''})`);
  return lines.join('\n') + '\n';
}
