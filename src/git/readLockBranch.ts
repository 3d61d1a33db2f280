// The lock branch as one cat-file process reads it: its commit (id and time), its root
// tree (to keep whatever else lives there when writing) and the status file's text.
import { blobText } from './blobReader.js';
import { parseCatFileBatch } from './parseCatFileBatch.js';
import { parseCommitTime } from './parseCommitTime.js';
import { parseTreeObject, type TreeEntry } from './parseTreeObject.js';
import { runGitBuffer, type GitOptions } from './runGit.js';

export interface LockBranchTip {
  commit: string;
  committedAt: Date | null;
  tree: TreeEntry[];
  /** The status file's text; null when the branch has no such file (or it is binary). */
  text: string | null;
}

/** Null when `ref` does not exist here. */
export async function readLockBranch(ref: string, statusFile: string, git: GitOptions): Promise<LockBranchTip | null> {
  const specs = [`${ref}^{commit}`, `${ref}^{tree}`, `${ref}:${statusFile}`];
  const { stdout } = await runGitBuffer(['cat-file', '--batch'], { ...git, input: specs.join('\n') + '\n' });
  const [commit, tree, blob] = parseCatFileBatch(stdout, specs.length);
  if (commit?.type !== 'commit') return null;
  return {
    commit: commit.sha,
    committedAt: parseCommitTime(commit.body.toString('utf8')),
    tree: tree && tree.type === 'tree' ? parseTreeObject(tree.body, commit.sha.length / 2) : [],
    text: blob && blob.type === 'blob' ? blobText(blob.body) : null,
  };
}
