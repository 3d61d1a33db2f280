// The skip-worktree bit of one index entry (a sparse checkout's "not in the working tree"):
// writing a new entry clears it, so the record step reads it before and sets it again after.
import { runGit, type GitOptions, type GitQuery } from './runGit.js';

/** Whether `path`'s index entry has the skip-worktree bit (`ls-files -v` tags it "S"). */
export function skipWorktreeQuery(path: string): GitQuery<boolean> {
  return {
    args: ['ls-files', '-v', '--', `:(literal)${path}`],
    parse: (out) => /^S /.test(out),
  };
}

export async function setSkipWorktree(path: string, git: GitOptions): Promise<void> {
  await runGit(['update-index', '--skip-worktree', '--', path], git);
}
