// The edit-time check's core: what one edited path is judged by, and what the model
// reads. The protocol says to lock before modifying; an agent
// that learns at commit time that a file was locked has already done the work. So before
// an edit, the same two rules the commit hook applies to that one file — lock-conflict and
// contract-owner — run over a one-file change ("M", or "A" for a new file). Nothing else
// runs: this happens before every edit an agent makes.
//
// Links: an edit of `link/app.js` where `link -> src`, or of `applink -> src/app.js`,
// changes src/app.js, and that is what the commit will show. A path is judged as written
// and, when a symbolic link inside the repository leads elsewhere in it, as resolved.
//
// autoLock (locks.autoLock): an edit by an agent of a path no active lock covers takes the
// lock for it, under task ORCH_TASK, else "auto" — released with `orch done <task>`, or at
// the end of the session that took it. The rules run against the status as it would be
// with that lock, so that a contract owner whose group requires a lock is not blocked for
// lacking the lock the guard is about to take, while a path the agent may not edit is
// never locked.
//
// Leases (locks.renewEvery): an allowed edit under the agent's own expiring lock renews it.
import fs from 'node:fs';
import path from 'node:path';
import { buildLockIndex } from '../locks/lockIndex.js';
import { formatStatusTime, isExpired } from '../locks/lockTimes.js';
import { looksBinary } from '../text/looksBinary.js';
import { rule as contractOwner } from '../rules/contract-owner.js';
import { rule as lockConflict } from '../rules/lock-conflict.js';
import type { Rule, RuleInput } from '../rules/rule.js';
import type { ChangeSet, Finding, Lock, StatusDoc } from '../types.js';
import { applySeverity, severityFor } from '../rules/severity.js';
import type { CheckEnv, Prepared } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { autoLockNote } from './sessionLocks.js';
import { renewalOf } from './leaseRenewal.js';

// the edit hooks' smallest bundle needs it without the rules
export { judgedPaths } from './judgedPaths.js';

export const GUARD_RULES = ['lock-conflict', 'contract-owner'];
export const AUTO_LOCK_TASK = 'auto';

export interface GuardRequest extends CheckEnv {
  /** The file about to be edited: absolute, or relative to `cwd`. */
  path: string;
  /** The harness session, recorded on an auto-lock so the session's end can release it. */
  sessionId?: string | null;
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
  /** The agent's own expiring lock this edit falls under, when its lease is due for renewal. */
  ownLock?: Lock;
}

export async function guardOne(req: Omit<GuardRequest, 'path'>, prepared: Prepared, rel: string): Promise<GuardResult> {
  const { repo, config, identity, now } = prepared;
  const base = { path: rel, agent: identity.name };
  if (prepared.skip.all) return { decision: 'allow', passed: 'skipped', findings: [], ...base };
  if (rel === config.statusFile) return { decision: 'allow', passed: 'status-file', findings: [], ...base };

  const exists = fs.existsSync(path.join(repo.top, rel));
  const readNow = async (p: string) => {
    try {
      const bytes = fs.readFileSync(path.join(repo.top, p));
      return looksBinary(bytes) ? null : bytes.toString('utf8');
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
  const covering = buildLockIndex(active, {
    ignoreCase: repo.ignoreCase,
    existsLiterally: prepared.existsLiterally,
  }).match(rel);
  const ownLock = identity.isAgent ? covering.find((l) => sameAgent(l.agent, identity.name)) : undefined;
  const autoLock = config.locks.autoLock && identity.isAgent && identity.name !== null && covering.length === 0;
  const task = req.env.ORCH_TASK?.trim() || AUTO_LOCK_TASK;
  const judged: StatusDoc = autoLock
    ? {
        ...status,
        locks: [
          ...status.locks,
          { path: rel, agent: identity.name!, task, since: formatStatusTime(now), line: 0 } satisfies Lock,
        ],
      }
    : status;

  const input: RuleInput = {
    changes,
    status: judged,
    config,
    configFile: prepared.configFile ?? undefined,
    identity,
    context: 'check',
    ignoreCase: repo.ignoreCase,
    existsLiterally: prepared.existsLiterally,
    now,
  };
  const findings: Finding[] = [];
  for (const rule of GUARD_RULE_MODULES) {
    if (prepared.skip.rules.includes(rule.id)) continue;
    const level = severityFor(rule, config, input);
    if (level === 'off') continue;
    for (const f of await rule.check(input)) findings.push(applySeverity(f, level));
  }
  if (findings.some((f) => f.severity === 'error')) return { decision: 'block', findings, ...base };
  if (!autoLock)
    return { decision: 'allow', findings, ...base, ...(ownLock && renewalOf(ownLock, config, now) ? { ownLock } : {}) };

  // loaded only to write: most edits take no lock, and the pre-tool check stays small
  const { lockPaths } = await import('../tasks/lockPaths.js');
  const result = await lockPaths({
    cwd: repo.top,
    env: req.env,
    agentFlag: req.agentFlag,
    now: req.now,
    paths: [rel],
    task,
    note: autoLockNote(req.sessionId ?? null),
  });
  // another agent locked it between our read and our write: theirs stands
  if (result.conflicts.length) return { decision: 'block', findings: [...findings, ...result.conflicts], ...base };
  return { decision: 'allow', findings, ...base, ...(result.locked.length ? { locked: { path: rel, task } } : {}) };
}

/**
 * What a model reads for a blocked edit: what is blocked, by whom, and the one next step.
 * It never suggests taking the lock over: a steal is a person's decision.
 */
export function guardMessage(result: GuardResult, limit = 2): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const lines: string[] = [];
  for (const f of errors.slice(0, limit)) lines.push(...blockLines(f));
  if (errors.length > limit) lines.push(`(${errors.length - limit} more: orch check --files ${result.path ?? ''})`);
  return lines.join('\n') + '\n';
}

function blockLines(f: Finding): string[] {
  const p = f.path ?? 'this file';
  if (f.rule === 'lock-conflict') {
    // the rule's message ends with what a person may do (take it over): not for a model
    const what = f.message.replace(/\s*Wait for .*$/s, '').replace(/\.$/, '');
    return [
      `orch: edit blocked: ${what}.`,
      `Next: leave ${p} alone and carry on with your own files; if you need it, ask ${f.holder ?? 'its holder'} to release it.`,
    ];
  }
  if (f.rule === 'contract-owner' && f.holder) {
    return [`orch: edit blocked: ${f.message}`, `Next: leave ${p} alone; ask ${f.holder} to make the change.`];
  }
  return [
    `orch: edit blocked: ${f.message}`,
    ...(f.fix ? [`Next: ${f.fix.replace(/ out of this commit\b/, ' alone')}`] : []),
  ];
}

/** The two rules the commit hook applies to one file, loaded with the check itself. */
const GUARD_RULE_MODULES: Rule[] = [lockConflict, contractOwner];
