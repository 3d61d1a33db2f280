// What only the collect step can see — a fetch that failed, a file's unreadable lines, a
// ref a push writes — handed to the check as data. The rule whose id a finding carries
// turns these into findings with its own messages (README: "Rules"), so a rule's severity
// in `rules`, "off" and ORCH_SKIP apply to them as to everything else it finds.
import type { Lock, StatusProblem } from '../types.js';
import type { Roster } from '../roster/readRoster.js';

/** lock-conflict, remote mode: the lock branch could not be fetched. */
export interface LockBranchFetchFailure {
  remote: string;
  branch: string;
  /** What git said. */
  reason: string;
  /** Whether it blocks (pre-push and ci with locks.verify "strict"). */
  blocking: boolean;
  /** How old the copy checked against instead is ("3 h"); null when this clone has none. */
  copyAge: string | null;
}

/** status-integrity, pre-commit: a lock of HEAD or the index the working tree's file lost by hand. */
export interface DroppedLock {
  lock: Lock;
  where: 'HEAD' | 'the index';
}

/** status-integrity: a file other than the status file that a lock-branch commit changes. */
export interface LockBranchFile {
  path: string;
  branch: string;
}

export interface Collected {
  /** status-parse: lines of the status file that could not be read (at a range: the ones it adds). */
  statusProblems?: StatusProblem[];
  /** unknown-agent: the project's roster of agents; absent when it has none or was not read. */
  roster?: Roster | null;
  lockBranchFetch?: LockBranchFetchFailure;
  droppedLocks?: DroppedLock[];
  /** status-integrity, pre-receive: replacement refs (refs/replace/*) a push writes, not allowed. */
  replaceRefs?: string[];
  /** status-integrity: the lock branch's refs a push deletes. */
  deletedLockBranch?: string[];
  lockBranchFiles?: LockBranchFile[];
}
