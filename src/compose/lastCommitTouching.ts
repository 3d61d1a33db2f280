import type { ChangeSet } from '../types.js';

/**
 * The commit a range-level finding belongs to: the last commit of the range that changed
 * `path`. A single commit names itself; the index has none.
 */
export function lastCommitTouching(changes: ChangeSet, path: string): string | undefined {
  if (changes.kind === 'commit') return changes.commit?.sha;
  const commits = changes.commits ?? [];
  for (let i = commits.length - 1; i >= 0; i--) {
    const c = commits[i];
    if (c.files.some((f) => f.path === path || f.oldPath === path)) return c.commit?.sha;
  }
  return undefined;
}
