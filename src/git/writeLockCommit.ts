// One commit of the lock branch, written straight into the object database: the status
// file's new blob, a tree that replaces only that file (whatever else the branch holds
// stays), and a commit on top of the tip it was read from. No index, no working tree.
import { runGit, type GitOptions } from './runGit.js';
import type { TreeEntry } from './parseTreeObject.js';

export interface LockCommitSpec {
  /** Repository-relative path of the status file, forward slashes. */
  statusFile: string;
  text: string;
  /** The root tree of the parent (empty for the first commit). */
  tree: TreeEntry[];
  parent: string | null;
  message: string;
  author: { name: string; email: string };
}

export async function writeLockCommit(spec: LockCommitSpec, git: GitOptions): Promise<string> {
  const blob = (
    await runGit(['hash-object', '-w', '--stdin', '--no-filters'], { ...git, input: spec.text })
  ).stdout.trim();
  const parts = spec.statusFile.split('/');
  let entry: TreeEntry = { mode: '100644', name: parts[parts.length - 1], sha: blob };
  // a status file in a subdirectory: its directories hold only it
  for (let i = parts.length - 2; i >= 0; i--) {
    entry = { mode: '40000', name: parts[i], sha: await mktree([entry], git) };
  }
  const root = spec.tree.filter((e) => e.name !== entry.name);
  root.push(entry);
  const tree = await mktree(root, git);
  const who = { name: oneLine(spec.author.name), email: oneLine(spec.author.email) };
  const { stdout } = await runGit(
    ['commit-tree', '--no-gpg-sign', tree, ...(spec.parent ? ['-p', spec.parent] : []), '-F', '-'],
    {
      ...git,
      input: spec.message.endsWith('\n') ? spec.message : spec.message + '\n',
      extraEnv: {
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
      },
    },
  );
  return stdout.trim();
}

async function mktree(entries: TreeEntry[], git: GitOptions): Promise<string> {
  const input = entries.map((e) => `${e.mode.padStart(6, '0')} ${typeOf(e.mode)} ${e.sha}\t${e.name}\0`).join('');
  return (await runGit(['mktree', '-z', '--missing'], { ...git, input })).stdout.trim();
}

function typeOf(mode: string): string {
  if (mode === '40000' || mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

function oneLine(s: string): string {
  // git rejects names and emails with angle brackets or newlines
  return s.replace(/[<>\r\n]/g, ' ').trim() || 'unknown';
}
