// The check step (ARCHITECTURE.md "The pipeline"): every context — the index, a file list,
// each commit of a range and the range as a whole, a lock-branch push, a push's refs —
// hands one change set here with what it collected. The rules run through runRules, so a
// rule's severity from `rules`, "off" and ORCH_SKIP apply to every finding orch emits,
// including those only collection could see (`collected`, see rules/collected.ts).
import type { Config } from '../config/schema.js';
import type { Collected } from '../rules/collected.js';
import type { RuleInput } from '../rules/rule.js';
import type { ChangeSet, Context, Finding, Identity, StatusDoc } from '../types.js';
import type { Skip } from './parseSkip.js';
import type { Prepared } from './prepareCheck.js';
import { runRules } from './runRules.js';

/** What binds a change besides the change itself: the same for every change set of one check. */
export interface CheckBasis {
  config: Config;
  configFile?: string;
  identity: Identity;
  status: StatusDoc;
  ignoreCase: boolean;
  existsLiterally?: (path: string) => boolean;
  now: Date;
  skip: Skip;
  /** Remote mode: the lock branch's table. */
  lockBranch?: StatusDoc;
  branch?: string;
  defaultBranch?: string;
}

export interface CheckScope {
  changes: ChangeSet;
  context: Context;
  /** The range as a whole, for the rules that judge it (pre-push, ci, pre-receive). */
  range?: ChangeSet;
  collected?: Collected;
  statusSides?: RuleInput['statusSides'];
  edits?: RuleInput['edits'];
  /** The rules that judge the change (all when absent); collected findings are reported regardless. */
  only?: readonly string[];
}

export function checkChange(basis: CheckBasis, scope: CheckScope): Promise<Finding[]> {
  const { skip, ...bound } = basis;
  const { only, ...change } = scope;
  return runRules({ ...bound, ...change }, skip, only);
}

/** The basis of a check of the working tree (pre-commit, `orch check`, guard). */
export function basisOf(prepared: Prepared): CheckBasis {
  const shared = prepared.lockBranch?.doc;
  return {
    config: prepared.config,
    configFile: prepared.configFile ?? undefined,
    identity: prepared.identity,
    status: prepared.status.combined,
    ignoreCase: prepared.repo.ignoreCase,
    existsLiterally: prepared.existsLiterally,
    now: prepared.now,
    skip: prepared.skip,
    ...(shared ? { lockBranch: shared } : {}),
  };
}
