// pre-commit and `orch check --staged`: the index against HEAD.
import { gitChangeSet } from '../git/gitChangeSet.js';
import { stagedChangesQuery } from '../git/stagedChangesQuery.js';
import { ask } from '../git/runGit.js';
import type { Report } from '../report/report.js';
import { buildReport } from '../report/buildReport.js';
import type { ChangeSet, Context, RawFinding } from '../types.js';
import { readIndexEntry } from '../git/readIndexEntry.js';
import { committedLocks, withCommitted } from './committedLocks.js';
import { openRepo } from '../git/openRepo.js';
import { prepareCheck, type CheckEnv, type Prepared } from './prepareCheck.js';
import { runRules, statusParseFindings } from './runRules.js';
import { committedConfig, type CommittedConfig } from './committedConfig.js';
import path from 'node:path';
import { checkRoster } from '../roster/checkRoster.js';
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
  const kept = await keepCommittedLocks(prepared);
  const files = await filesPromise;
  const changes = gitChangeSet({
    kind: 'index',
    files,
    oldRev: 'HEAD',
    newRev: null,
    blobs: prepared.repo.blobs,
    git: prepared.repo.git,
  });
  const report = await evaluate(prepared, changes, opts.context);
  return { report: withFindings(report, kept, prepared), prepared, changes };
}

/**
 * The locks of HEAD and the index that a hand edit of the working tree's status file
 * dropped still bind (see committedLocks); added to the status the rules read.
 */
async function keepCommittedLocks(prepared: Prepared): Promise<RawFinding[]> {
  const { repo, config } = prepared;
  const entry = prepared.stagedStatus
    ? await prepared.stagedStatus.entry.catch(() => null)
    : await readIndexEntry(config.statusFile, repo.git).catch(() => null);
  const kept = await committedLocks(repo, config, prepared.status, entry, prepared.identity.name);
  if (kept.locks.length)
    prepared.status = { ...prepared.status, combined: withCommitted(prepared.status.combined, kept.locks) };
  return kept.findings;
}

function withFindings(report: Report, raw: RawFinding[], prepared: Prepared): Report {
  const { skip, config } = prepared;
  if (
    raw.length === 0 ||
    skip.all ||
    skip.rules.includes('status-integrity') ||
    config.rules['status-integrity'] === 'off'
  )
    return report;
  const findings = [...report.findings, ...raw.map((f) => ({ ...f, severity: 'warning' as const }))];
  return buildReport({ ...report, findings, skip: report.skipped });
}

/** check and report: the rules over one change set, with the status file's own problems. */
export async function evaluate(
  prepared: Prepared,
  changes: ChangeSet,
  context: Context,
  range?: ChangeSet,
): Promise<Report> {
  const { config, skip } = prepared;
  const shared = prepared.lockBranch;
  const findings = skip.all
    ? []
    : [
        ...(shared && !skip.rules.includes('lock-conflict') ? shared.findings : []),
        ...statusParseFindings(prepared.status.own, config.statusFile, config),
        // names not in the project's roster of agents (README: "Who the agents are")
        ...(skip.rules.includes('unknown-agent')
          ? []
          : await checkRoster({ ...prepared, locks: prepared.status.combined.locks })),
        ...(await runRules(
          {
            changes,
            range,
            status: prepared.status.combined,
            config,
            configFile: prepared.configFile ?? undefined,
            identity: prepared.identity,
            context,
            ignoreCase: prepared.repo.ignoreCase,
            existsLiterally: prepared.existsLiterally,
            now: prepared.now,
            ...(shared?.doc ? { lockBranch: shared.doc } : {}),
            // who edited what (foreign-edit): only the index has uncommitted edits to weigh
            ...(changes.kind === 'index' ? { edits: readEdits(prepared.repo.commonDir) } : {}),
          },
          skip,
        )),
      ];
  return buildReport({ context, agent: prepared.identity.name, findings, skip, notes: shared?.notes });
}

/** Whether the working tree's configuration is HEAD's: then what was prepared stands. */
function sameConfig(trusted: CommittedConfig, prepared: Prepared): boolean {
  return (
    trusted.configFile === prepared.configFile && JSON.stringify(trusted.config) === JSON.stringify(prepared.config)
  );
}
