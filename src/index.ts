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
export { checkStaged } from './engine/checkStaged.js';
export { checkFiles } from './engine/checkFiles.js';
export { lockPaths } from './engine/lockPaths.js';
export { unlockPaths } from './engine/unlockPaths.js';
export { initRepo } from './engine/initRepo.js';
export { checkRange, checkRanges } from './engine/checkRange.js';
export { guard } from './engine/guard.js';
export { mergeStatus } from './status/mergeStatus.js';
export { finishTask } from './engine/finishTask.js';
export { RULES, loadRule } from './rules/registry.js';
