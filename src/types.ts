// The shapes every stage shares: collect → check → report → record.
// Nothing here does I/O; every other module imports from this one and none of them
// import each other in a cycle.

export type Severity = 'error' | 'warning';
/** What config may say about a rule: severities plus "off". `warn` is accepted as an alias. */
export type SeverityLevel = Severity | 'off';

export type Context = 'pre-commit' | 'pre-push' | 'ci' | 'pre-receive' | 'check';

export const RULE_IDS = [
  'lock-conflict',
  'lock-required',
  'contract-owner',
  'status-integrity',
  'new-service-container',
  'compose-consistency',
  'container-review',
  'task-completion',
  'no-placeholder',
  'signed-identity',
  'contract-proof',
  'contract-review',
  'decision-record',
  'dockerfile-practice',
  'foreign-edit',
  'status-parse',
  'unknown-agent',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One finding, exactly the JSON report's element (README: "Output formats") plus an optional line. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  path: string | null;
  message: string;
  holder?: string;
  fix?: string;
  /** Full sha of the commit the finding belongs to (ranges only). */
  commit?: string;
  /** 1-based line in `path` when the finding points at one. */
  line?: number;
}

/** A rule's result before severity is applied from config. */
export type RawFinding = Omit<Finding, 'severity'> & { severity?: Severity };

// ---------------------------------------------------------------- ChangeSet

/** git's change letters; T = type change (file ↔ symlink ↔ submodule). */
export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U';

export interface FileChange {
  status: ChangeStatus;
  /** Repository-relative path with forward slashes (the new side for R/C). */
  path: string;
  /** The source path of a rename or copy. */
  oldPath?: string;
  /** True when either side is a gitlink (mode 160000). */
  submodule?: boolean;
  /**
   * Object ids of the old and new side, as the raw diff gave them (never git's all-zeros
   * "none"): a content read by id skips a tree lookup, and a blob two commits share is
   * read once.
   */
  oldBlob?: string;
  newBlob?: string;
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  subject: string;
  message: string;
  authorEmail: string;
  authorName: string;
  /** Trailer keys lower-cased; values in order of appearance. */
  trailers: Record<string, string[]>;
  /** Only collected when identity.signed is on (git verifies each signature: costly). */
  signature?: CommitSignature;
}

export interface CommitSignature {
  /** git's %G?: G good, U good with unknown validity, B bad, X/Y expired, R revoked, E cannot check, N none. */
  status: string;
  /** %GK: the key id (gpg) or fingerprint (ssh). */
  key: string;
  /** %GS: the signer; for ssh, the principal from the allowed-signers file. */
  signer: string;
}

/**
 * The one shape for the index, one commit and a range. Rules read it and never run git:
 * `read` gives a file's text at the revision the change set describes.
 */
export interface ChangeSet {
  kind: 'index' | 'commit' | 'range';
  files: FileChange[];
  /** For kind "commit". */
  commit?: CommitInfo;
  /** For kind "range": the commits in order, oldest first, each of kind "commit". */
  commits?: ChangeSet[];
  /**
   * Text of `path` on the old side (before the change) or the new side (after it);
   * null when absent there or binary.
   */
  read(path: string, side: 'old' | 'new'): Promise<string | null>;
  /**
   * The whole lines the change inserted into `path` at one place (a Log entry, a lock
   * row: almost every change to the status file), or null when the change is anything
   * else or the file is absent or binary on a side. Cheaper than reading both sides:
   * a git-backed change set compares bytes and decodes only what was inserted.
   */
  insertedLines(path: string): Promise<string[] | null>;
  /** Whether `path` (file or directory) exists on that side. */
  exists(path: string, side: 'old' | 'new'): Promise<boolean>;
  /** Every file path on that side (used by service detection); may be costly, call lazily. */
  listFiles(side: 'old' | 'new'): Promise<string[]>;
}

// ---------------------------------------------------------------- status

export interface Lock {
  /** As written, normalised to forward slashes without backticks; a trailing `/` marks a directory. */
  path: string;
  agent: string;
  task?: string;
  /** ISO-ish text as written, normalised when it could be parsed. */
  since?: string;
  expires?: string;
  note?: string;
  /** 1-based line of the status file the lock was read from. */
  line: number;
  /** Which file it came from (repository-relative or absolute for another worktree). */
  source?: string;
}

export type ReviewState = 'requested' | 'approved' | 'rejected';

export interface Review {
  path: string;
  requestedBy: string;
  reviewer: string;
  state: ReviewState;
  at?: string;
  /** Content hash of the file the approval applies to, when recorded. */
  blob?: string;
  /** What the requester asks the reviewer to look at first (written in the State cell). */
  note?: string;
  line: number;
}

export interface StatusProblem {
  line: number;
  message: string;
  text: string;
}

/** What reading WORK_STATUS.md gives. Reading never throws. */
export interface StatusDoc {
  locks: Lock[];
  reviews: Review[];
  problems: StatusProblem[];
  /** Steal records (`orch unlock --steal --reason`) found in the file. */
  steals: Steal[];
}

export interface Steal {
  path: string;
  from: string;
  by: string;
  reason: string;
  at?: string;
  line: number;
}

// ---------------------------------------------------------------- identity

export type IdentitySource = 'flag' | 'env' | 'git-config' | 'trailer' | 'email-map' | 'git-email' | 'none';

export interface Identity {
  /** The agent's name, or the person's git email; null only when git has no email either. */
  name: string | null;
  source: IdentitySource;
  /** True when the name came from an agent mechanism, not a person's email. */
  isAgent: boolean;
}

// ---------------------------------------------------------------- edits

/** One agent's latest uncommitted edit of a path (the harness's post-edit hook records it). */
export interface EditRecord {
  path: string;
  agent: string;
  /** Milliseconds since the epoch. */
  at: number;
  session?: string;
  /** git's id of the content the edit left; null when the edit deleted the file. */
  blob: string | null;
}
