// Puts new content for one path into the index the running commit uses. Inside a hook
// GIT_INDEX_FILE is inherited, so this lands in the temporary index of `git commit -- path`
// too; git re-reads the index after pre-commit, so the change enters the commit.
import { GitError, runGit, type GitOptions } from './runGit.js';
import { writeLooseObject } from './writeLooseObject.js';

/**
 * @param objects  where to write the blob without a git process (the objects directory and
 *   the repository's hash algorithm); without it, `git hash-object -w` writes it
 */
export async function writeIndexEntry(
  path: string,
  content: string,
  mode: string,
  git: GitOptions,
  objects?: { dir: string; algorithm: 'sha1' | 'sha256' },
): Promise<string> {
  const sha = objects
    ? writeLooseObject(objects.dir, content, objects.algorithm)
    : (await runGit(['hash-object', '-w', '--stdin', '--no-filters'], { ...git, input: content })).stdout.trim();
  await retryWhileIndexLocked(() =>
    runGit(['update-index', '--add', '-z', '--index-info'], { ...git, input: `${mode} ${sha}\t${path}\0` }),
  );
  return sha;
}

/**
 * Another git process (an `add`, a commit in the same working directory) may hold
 * index.lock for a moment; git itself gives up at once, so wait and try again.
 */
export async function retryWhileIndexLocked<T>(fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof GitError) || !/index\.lock/.test(e.result.stderr) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())));
    }
  }
}
