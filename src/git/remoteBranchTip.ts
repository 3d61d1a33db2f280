// The tip of one branch on a remote, asked of the remote itself (`git ls-remote`), not of
// this clone's copy: `orch doctor` tells a reachable remote without the branch from one it
// cannot reach.
import { runGit, type GitOptions, type GitResult } from './runGit.js';

export type RemoteBranchTip =
  | { state: 'found'; sha: string }
  | { state: 'missing' }
  | { state: 'unreachable'; reason: string };

export async function remoteBranchTip(remote: string, branch: string, git: GitOptions): Promise<RemoteBranchTip> {
  const r = await runGit(['ls-remote', '--exit-code', '--', remote, `refs/heads/${branch}`], {
    ...git,
    okCodes: [1, 2, 128],
  });
  return parseLsRemote(r);
}

/** `ls-remote --exit-code` of one ref: 0 found, 2 reachable without it, else git's reason (without its boilerplate). */
export function parseLsRemote(r: GitResult): RemoteBranchTip {
  if (r.code === 0) {
    const sha = r.stdout.split(/\s/)[0];
    if (sha) return { state: 'found', sha };
  }
  if (r.code === 2) return { state: 'missing' };
  const reason = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(please make sure|and the repository)/i.test(l))
    .join('; ');
  return { state: 'unreachable', reason: reason || 'git ls-remote failed' };
}
