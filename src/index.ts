// The library behind the `orch` command, for programs that drive orch without a process.
// Every check returns the one `Report` (README: "Use from a program"), built where the
// command builds it (report/buildReport.ts).
import { checkFiles as filesCheck } from './check/checkFiles.js';
import { checkStaged as stagedCheck } from './check/checkStaged.js';
import type { CheckEnv } from './check/prepareCheck.js';
import { guardAll, type GuardRequest } from './agent/guard.js';
import { checkRange as rangeCheck, type CheckRangeOptions } from './range/checkRange.js';
import { buildReport } from './report/buildReport.js';
import type { Report } from './report/report.js';
import type { Context } from './types.js';

export type {
  ChangeSet,
  Finding,
  FileChange,
  Lock,
  Review,
  StatusDoc,
  Identity,
  Context,
  RuleId,
  Severity,
} from './types.js';
export type { Config, ConfigInput } from './config/schema.js';
export type { Rule, RuleInput } from './rules/rule.js';
export type { Report } from './report/report.js';
export type { CheckEnv } from './check/prepareCheck.js';
export type { CheckRangeOptions } from './range/checkRange.js';
export type { GuardRequest } from './agent/guard.js';
export { OrchError } from './errors.js';
export { main } from './cli/main.js';
export { readStatus } from './status/readStatus.js';
export { loadConfig } from './config/loadConfig.js';
export { lockPaths } from './tasks/lockPaths.js';
export { unlockPaths } from './tasks/unlockPaths.js';
export { initRepo } from './setup/initRepo.js';
export { checkRanges } from './range/checkRange.js';
export { mergeStatus } from './status/mergeStatus.js';
export { finishTask } from './tasks/finishTask.js';
export { RULES, loadRule } from './rules/registry.js';

/** The index against HEAD, as pre-commit judges it (nothing is recorded). */
export async function checkStaged(opts: CheckEnv & { context?: Context }): Promise<Report> {
  return (await stagedCheck({ ...opts, context: opts.context ?? 'check' })).report;
}

/** Files as they are in the working tree against HEAD (`orch check --files`). */
export async function checkFiles(opts: CheckEnv & { files: string[] }): Promise<Report> {
  return (await filesCheck(opts)).report;
}

/** One range, commit by commit and as a whole (`orch check --range`, `orch ci`). */
export async function checkRange(opts: CheckRangeOptions): Promise<Report> {
  return (await rangeCheck(opts)).report;
}

/** One path about to be edited (`orch guard`): `ok` is false when the edit would be blocked. */
export async function guard(req: GuardRequest): Promise<Report> {
  const [r] = await guardAll({ ...req, paths: [req.path] });
  const locked = r.locked ? [`locked ${r.locked.path} for ${r.agent} (task ${r.locked.task}).`] : [];
  return buildReport({ context: 'check', agent: r.agent, findings: r.findings, notes: locked });
}
