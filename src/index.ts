// The library behind the `orch` command, for programs that drive orch without a process.
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
export { OrchError } from './errors.js';
export { main } from './cli/main.js';
export { readStatus } from './status/readStatus.js';
export { loadConfig } from './config/loadConfig.js';
export { checkStaged } from './check/checkStaged.js';
export { checkFiles } from './check/checkFiles.js';
export { lockPaths } from './tasks/lockPaths.js';
export { unlockPaths } from './tasks/unlockPaths.js';
export { initRepo } from './setup/initRepo.js';
export { checkRange, checkRanges } from './range/checkRange.js';
export { guard } from './agent/guard.js';
export { mergeStatus } from './status/mergeStatus.js';
export { finishTask } from './tasks/finishTask.js';
export { RULES, loadRule } from './rules/registry.js';
