// pre-commit and `orch check --staged`: the index against HEAD.
import { gitChangeSet } from '../git/gitChangeSet.js';
import { stagedChangesQuery } from '../git/stagedChangesQuery.js';
import { ask } from '../git/runGit.js';
import type { Report } from '../report/report.js';
import { buildReport } from '../report/buildReport.js';
import type { ChangeSet, Context } from '../types.js';
import type { Collected, DroppedLock } from '../rules/collected.js';
import { basisOf, checkChange } from './checkChange.js';
import { readIndexEntry } from '../git/readIndexEntry.js';
import { committedLocks, withCommitted } from './committedLocks.js';
import { openRepo } from '../git/openRepo.js';
import { prepareCheck, type CheckEnv, type Prepared } from './prepareCheck.js';
import { committedConfig, type CommittedConfig } from './committedConfig.js';
import path from 'node:path';
import { readRoster, type Roster } from '../roster/readRoster.js';
import { readEdits } from '../store/editLog.js';

export interface CheckResult {
  report: Report;
  prepared: Prepared;
  changes: ChangeSet;
}

export async function checkStaged(opts: CheckEnv & { context: Context }): Promise<CheckResult> {
  const repoPromise = openRepo(opts.cwd);
  // the staged diff depends on nothing orch finds out first (git finds the repository from
  // cwd, and raw paths are always from the top): ask at once, while the rest loads
  const filesPromise = ask(stagedChangesQuery, { cwd: opts.cwd, env: 'inherit' });
  // outside a repository this fails too: openRepo says so in better words
  filesPromise.catch(() => undefined);
  // the configuration HEAD has judges the commit (committedConfig): read alongside
  const committed = repoPromise.then((repo) =>
    committedConfig(repo.blobs, filesPromise, path.join(repo.commonDir, 'orch')),
  );
  committed.catch(() => undefined);
  let prepared = await prepareCheck(opts, repoPromise);
  const trusted = await committed;
  if (trusted && !sameConfig(trusted, prepared)) prepared = await prepareCheck(opts, repoPromise, trusted);
  const dropped = await keepCommittedLocks(prepared);
  const files = await filesPromise;
  const changes = gitChangeSet({
    kind: 'index',
    files,
    oldRev: 'HEAD',
    newRev: null,
    blobs: prepared.repo.blobs,
    git: prepared.repo.git,
  });
  const report = await evaluate(prepared, changes, opts.context, { droppedLocks: dropped });
  return { report, prepared, changes };
}

/**
 * The locks of HEAD and the index that a hand edit of the working tree's status file
 * dropped still bind (see committedLocks); added to the status the rules read.
 */
async function keepCommittedLocks(prepared: Prepared): Promise<DroppedLock[]> {
  const { repo, config } = prepared;
  const entry = prepared.stagedStatus
    ? await prepared.stagedStatus.entry.catch(() => null)
    : await readIndexEntry(config.statusFile, repo.git).catch(() => null);
  const kept = await committedLocks(repo, config, prepared.status, entry, prepared.identity.name);
  if (kept.locks.length)
    prepared.status = { ...prepared.status, combined: withCommitted(prepared.status.combined, kept.locks) };
  return kept.dropped;
}

/**
 * Collect what the working tree adds to a change set (the status file's unreadable lines,
 * the roster, the lock branch's fetch), check, and report.
 */
export async function evaluate(
  prepared: Prepared,
  changes: ChangeSet,
  context: Context,
  collected: Collected = {},
): Promise<Report> {
  const findings = await checkChange(basisOf(prepared), {
    changes,
    context,
    collected: {
      ...collected,
      statusProblems: prepared.status.own.problems,
      roster: await rosterOf(prepared),
      ...(prepared.lockBranch?.fetchFailure ? { lockBranchFetch: prepared.lockBranch.fetchFailure } : {}),
    },
    // who edited what (foreign-edit): only the index has uncommitted edits to weigh
    ...(changes.kind === 'index' ? { edits: readEdits(prepared.repo.commonDir) } : {}),
  });
  const { skip, identity, lockBranch } = prepared;
  return buildReport({ context, agent: identity.name, findings, skip, notes: lockBranch?.notes });
}

/** The project's roster of agents (README: "Who the agents are"), read only when unknown-agent can report. */
async function rosterOf(prepared: Prepared): Promise<Roster | null> {
  const { repo, config, skip } = prepared;
  if (repo.bare || skip.all || skip.rules.includes('unknown-agent') || config.rules['unknown-agent'] === 'off')
    return null;
  return readRoster(repo.top, config.agentDefinitions, path.join(repo.commonDir, 'orch'));
}

/** Whether the working tree's configuration is HEAD's: then what was prepared stands. */
function sameConfig(trusted: CommittedConfig, prepared: Prepared): boolean {
  return (
    trusted.configFile === prepared.configFile && JSON.stringify(trusted.config) === JSON.stringify(prepared.config)
  );
}
