// What a rule is: a pure function from what was collected to findings, with an id and
// documentation, kept apart from severity (which comes from config). Rules never run
// git, never write files and never read the clock except through `now`.
import type { ChangeSet, Context, Identity, RawFinding, RuleId, Severity, StatusDoc } from '../types.js';
import type { Config } from '../config/schema.js';
import type { EditRecord } from '../types.js';
import type { Collected } from './collected.js';

export interface RuleInput {
  /** What changed: the index, one commit, or one commit of a range (see `range`). */
  changes: ChangeSet;
  /** For range-level rules: the whole range as one change set (pre-push, ci, pre-receive). */
  range?: ChangeSet;
  /** The locks and reviews that bind this change (all worktrees, or base + first parent in ranges). */
  status: StatusDoc;
  config: Config;
  /** The committing agent. */
  identity: Identity;
  context: Context;
  /** The branch being committed to or pushed, when known (short name). */
  branch?: string;
  /** The repository's default branch, when known (short name). */
  defaultBranch?: string;
  /** True when the file system compares names case-insensitively (core.ignorecase). */
  ignoreCase: boolean;
  /** Whether a path exists as written in the working tree (literal `[id]` routes vs globs). */
  existsLiterally?: (path: string) => boolean;
  now: Date;
  /** Repository-relative path of the configuration file that was loaded, when there is one. */
  configFile?: string;
  /**
   * Remote mode (locks.remote): the lock branch's table, which binds instead of the status
   * file's lock rows; those are a view of it.
   */
  lockBranch?: StatusDoc;
  /**
   * Ranges: the status file as the range read it (readStatusHead) before and after this
   * change; the same object when both read alike, so status-integrity need not read them.
   */
  statusSides?: { old: StatusDoc; new: StatusDoc };
  /** pre-commit: the latest recorded edit of each path (the harness's post-edit hook). */
  edits?: ReadonlyMap<string, EditRecord>;
  /** What only collection could see, for the rule whose id it concerns (see collected.ts). */
  collected?: Collected;
}

export interface Rule {
  id: RuleId;
  /** Severity when config says nothing; may depend on the context (e.g. a warning at pre-commit). */
  defaultSeverity: (context: Context) => Severity | 'off';
  /** One line for `orch explain` listings. */
  summary: string;
  /** The full text `orch explain <id>` prints: what it checks, why, how to fix, config keys. */
  docs: string;
  check(input: RuleInput): RawFinding[] | Promise<RawFinding[]>;
  /**
   * Findings from `input.collected`: reported whichever rules judge the change (runRules'
   * `only`), since what collection found belongs to no one change set.
   */
  collected?(input: RuleInput): RawFinding[];
}
