// Where a path stands with its reviewer: the last review row for the path and reviewer
// decides; an approval is void when it records a content id that is not the content now.
import { sameAgent } from '../identity/sameAgent.js';
import type { Review } from '../types.js';
import { gitBlobId } from './gitBlobId.js';

export type ReviewVerdict =
  | { state: 'none' }
  | { state: 'requested' | 'rejected' | 'approved'; row: Review }
  | { state: 'void'; row: Review };

export interface ReviewStateOptions {
  ignoreCase?: boolean;
}

export function reviewStateFor(
  reviews: readonly Review[],
  path: string,
  reviewer: string,
  content: string | null,
  options: ReviewStateOptions = {},
): ReviewVerdict {
  let last: Review | undefined;
  for (const r of reviews) {
    if (!sameAgent(r.reviewer, reviewer) || !reviewCovers(r.path, path, options.ignoreCase)) continue;
    if (!last || r.line >= last.line) last = r;
  }
  if (!last) return { state: 'none' };
  if (last.state !== 'approved') return { state: last.state, row: last };
  if (content !== null && last.blob && !blobMatches(last.blob, content)) return { state: 'void', row: last };
  return { state: 'approved', row: last };
}

/** A review row's path covers `path`: the same path, or a directory row (`dir/`) above it. */
export function reviewCovers(rowPath: string, path: string, ignoreCase = false): boolean {
  const norm = (p: string) => {
    const clean = p.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    return ignoreCase ? clean.toLowerCase() : clean;
  };
  const row = norm(rowPath);
  const target = norm(path);
  if (row === target) return true;
  return row.endsWith('/') && target.startsWith(row);
}

/** Whether a recorded content id (full or abbreviated, sha1 or sha256) is that of `content`. */
export function blobMatches(blob: string, content: string): boolean {
  const recorded = blob
    .trim()
    .toLowerCase()
    .replace(/^(sha1|sha256):/, '');
  if (!/^[0-9a-f]{7,64}$/.test(recorded)) return false;
  const id = gitBlobId(content, recorded.length > 40 ? 'sha256' : 'sha1');
  return id.startsWith(recorded);
}
