// Puts new content for one path into the index the running commit uses. Inside a hook
// GIT_INDEX_FILE is inherited, so this lands in the temporary index of `git commit -- path`
// too; git re-reads the index after pre-commit, so the change enters the commit.
import { runGit, type GitOptions } from './runGit.js';

export async function writeIndexEntry(path: string, content: string, mode: string, git: GitOptions): Promise<string> {
  const { stdout } = await runGit(['hash-object', '-w', '--stdin', '--no-filters'], { ...git, input: content });
  const sha = stdout.trim();
  await runGit(['update-index', '--add', '-z', '--index-info'], { ...git, input: `${mode} ${sha}\t${path}\0` });
  return sha;
}
