// Publishes a lock-branch commit: fast-forward only, so the push succeeds only when the
// remote still has the commit it was built on. Local pre-push hooks are skipped: the
// edit was checked against the fresh table just before, and the server checks it again.
import { parsePushPorcelain, type PushOutcome } from './parsePushPorcelain.js';
import { runGit, type GitOptions } from './runGit.js';

export async function pushLockBranch(
  remote: string,
  commit: string,
  branch: string,
  git: GitOptions,
): Promise<PushOutcome> {
  const r = await runGit(['push', '--porcelain', '--no-verify', '--', remote, `${commit}:refs/heads/${branch}`], {
    ...git,
    okCodes: [1, 128],
  });
  return parsePushPorcelain(r.stdout, r.stderr, r.code);
}
