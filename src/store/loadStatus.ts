// Reads WORK_STATUS.md from this worktree and every other worktree of the repository, so
// that a lock written in worktree A binds an agent committing in worktree B.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { readStatusHead } from '../status/readStatusHead.js';
import { otherWorktreeTops } from '../git/worktreeTops.js';
import { indexedTextSync } from '../git/indexedTextSync.js';
import type { StatusDoc } from '../types.js';

/** The status file's text, or null when it does not exist; unreadable or binary → OrchError. */
export function readStatusText(file: string): string | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new OrchError(`cannot read ${file}: ${(e as Error).message}`, {
      hint: code === 'EACCES' || code === 'EPERM' ? "Check the file's permissions." : undefined,
    });
  }
  if (buf.subarray(0, 8000).includes(0)) {
    throw new OrchError(`${file} is not a text file (it contains NUL bytes).`, {
      hint: 'Restore it from git (git checkout -- <file>) or recreate it with orch init.',
    });
  }
  return buf.toString('utf8');
}

export interface LoadedStatus {
  /** Locks and reviews of every worktree; problems of this worktree's file only. */
  combined: StatusDoc;
  /** This worktree's file, as read. */
  own: StatusDoc;
  ownText: string | null;
  ownPath: string;
  /**
   * The file is tracked but not in the working tree (deleted, or left out by a sparse
   * checkout): `own` was read from the index, and there is no working-tree file to write.
   */
  outsideCheckout?: boolean;
}

export function loadStatus(top: string, commonDir: string, bare: boolean, statusFile: string): LoadedStatus {
  const ownPath = path.join(top, statusFile);
  const ownText = readStatusText(ownPath);
  // missing here but tracked: its locks still bind (deleting it or a sparse checkout is no way around them)
  const indexed = ownText === null && !bare ? indexedTextSync(top, statusFile) : null;
  // the Log is never parsed here, and a text already read in this process is not read again
  // (the record step re-reads the file under the status lock)
  const own = readStatusHead(ownText ?? indexed ?? '', statusFile);
  const combined: StatusDoc = {
    locks: [...own.locks],
    reviews: [...own.reviews],
    problems: own.problems,
    steals: own.steals,
  };
  const seen = new Set(own.locks.map(lockKey));
  for (const other of otherWorktreeTops(top, commonDir, bare)) {
    let text: string | null;
    try {
      text = readStatusText(path.join(other, statusFile));
    } catch {
      // another worktree's unreadable file must not block this one; doctor reports it
      continue;
    }
    if (!text) continue;
    const doc = readStatusHead(text, path.join(other, statusFile));
    for (const lock of doc.locks) {
      const key = lockKey(lock);
      if (seen.has(key)) continue;
      seen.add(key);
      combined.locks.push(lock);
    }
  }
  return { combined, own, ownText, ownPath, ...(indexed !== null ? { outsideCheckout: true } : {}) };
}

function lockKey(l: { path: string; agent: string }): string {
  return `${l.path}\0${l.agent.toLowerCase()}`;
}
