// record: every write of WORK_STATUS.md goes through here — serialised between processes
// by a lock file in the common git dir (shared by all worktrees), re-read under that lock
// so no concurrent edit is lost, and written atomically (temporary file + rename).
import fs from 'node:fs';
import path from 'node:path';
import { checkUtf8 } from '../fs/checkUtf8.js';
import { OrchError } from '../errors.js';
import { atomicWrite } from '../fs/atomicWrite.js';
import { withFileLock } from '../fs/withFileLock.js';
import type { Config } from '../config/schema.js';
import { loadStatus, type LoadedStatus } from './loadStatus.js';
import { readStatusHead } from '../status/readStatusHead.js';
import { recordReleases, releaseKey } from './releaseJournal.js';
import type { Lock, StatusDoc } from '../types.js';
import type { Repo } from '../git/openRepo.js';

export function statusLockPath(repo: Pick<Repo, 'commonDir'>): string {
  return path.join(repo.commonDir, 'orch', 'status.lock');
}

/** Where writes of working-tree files keep their temporary files: out of `git add`'s reach. */
export function statusTmpDir(repo: Pick<Repo, 'gitDir'>): string {
  return path.join(repo.gitDir, 'orch', 'tmp');
}

/** Runs `fn` while holding the status lock (shared by all worktrees of the repository). */
export function withStatusLock<T>(repo: Pick<Repo, 'commonDir'>, fn: () => Promise<T>): Promise<T> {
  return withFileLock(statusLockPath(repo), fn);
}

/**
 * As updateStatus, for callers that already hold the status lock (withFileLock is not
 * re-entrant): read, edit, write.
 */
export async function updateStatusLocked<T>(
  repo: Repo,
  config: Config,
  edit: (current: LoadedStatus) => { text: string | null; result: T },
): Promise<T> {
  const current = loadStatus(repo.top, repo.commonDir, repo.bare, config.statusFile);
  // bytes that are not UTF-8 were decoded as U+FFFD: writing would replace them
  if (current.ownText?.includes('\uFFFD')) checkUtf8(fs.readFileSync(current.ownPath), config.statusFile);
  const { text, result } = edit(current);
  if (text !== null && current.outsideCheckout) {
    // writing a new file here would start a second, diverging status file
    throw new OrchError(
      `${config.statusFile} is tracked but missing from this checkout (deleted, or left out by a sparse checkout), so orch cannot change it here.`,
      {
        hint: `Restore it (git restore ${config.statusFile}), or in a sparse checkout bring it in: git sparse-checkout add /${config.statusFile}`,
      },
    );
  }
  if (text !== null && text !== current.ownText) {
    // locks this write takes out were released through orch (see releaseJournal)
    recordReleases(repo.commonDir, removedLocks(current.own, text, config.statusFile));
    await atomicWrite(current.ownPath, text, { tmpDir: statusTmpDir(repo) });
  }
  return result;
}

/**
 * Runs `edit` on the current text of this worktree's status file (all worktrees' locks
 * passed in for conflict checks) and writes what it returns; returning `null` writes
 * nothing. Returns whatever `edit` decided besides the text.
 */
export async function updateStatus<T>(
  repo: Repo,
  config: Config,
  edit: (current: LoadedStatus) => { text: string | null; result: T },
): Promise<T> {
  return withStatusLock(repo, () => updateStatusLocked(repo, config, edit));
}

/** The locks of `before` that the new text no longer reads (a Log append parses nothing). */
function removedLocks(before: StatusDoc, text: string, statusFile: string): Lock[] {
  if (before.locks.length === 0) return [];
  const after = readStatusHead(text, statusFile);
  if (after === before) return [];
  const kept = new Set(after.locks.map(releaseKey));
  return before.locks.filter((l) => !kept.has(releaseKey(l)));
}
