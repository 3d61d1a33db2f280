// pre-commit and `orch check --staged`: the index against HEAD.
import { gitChangeSet } from '../git/gitChangeSet.js';
import { stagedChangesQuery } from '../git/stagedChangesQuery.js';
import { ask } from '../git/runGit.js';
import type { Report } from '../report/report.js';
import type { ChangeSet, Context } from '../types.js';
import { openRepo } from './openRepo.js';
import { prepareCheck, type CheckEnv, type Prepared } from './prepareCheck.js';
import { runRules, statusParseFindings } from './runRules.js';
import { readEdits } from './editLog.js';

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
  const prepared = await prepareCheck(opts, repoPromise);
  const files = await filesPromise;
  const changes = gitChangeSet({
    kind: 'index',
    files,
    oldRev: 'HEAD',
    newRev: null,
    blobs: prepared.repo.blobs,
    git: prepared.repo.git,
  });
  return { report: await evaluate(prepared, changes, opts.context), prepared, changes };
}

/** check and report: the rules over one change set, with the status file's own problems. */
export async function evaluate(prepared: Prepared, changes: ChangeSet, context: Context, range?: ChangeSet): Promise<Report> {
  const { config, skip } = prepared;
  const shared = prepared.lockBranch;
  const findings = skip.all
    ? []
    : [
        ...(shared && !skip.rules.includes('lock-conflict') ? shared.findings : []),
        ...statusParseFindings(prepared.status.own, config.statusFile, config),
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
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    context,
    agent: prepared.identity.name,
    findings,
    ...(skip.all || skip.rules.length ? { skipped: skip } : {}),
    ...(shared?.notes.length ? { notes: shared.notes } : {}),
  };
}
