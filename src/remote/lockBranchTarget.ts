// Where remote mode keeps its locks: the remote and branch the configuration names, and
// the local ref that holds this clone's copy (the ordinary remote-tracking branch, so a
// plain `git fetch` with the usual refspec refreshes it too).
import type { Config } from '../config/schema.js';
import { OrchError } from '../errors.js';

export interface LockBranchTarget {
  remote: string;
  branch: string;
  /** refs/remotes/<remote>/<branch> */
  tracking: string;
  /** "<remote>/<branch>", for messages. */
  label: string;
}

/** Null when remote mode is off (no `locks.remote`). */
export function lockBranchTarget(config: Pick<Config, 'locks'>): LockBranchTarget | null {
  const remote = config.locks.remote?.trim();
  if (!remote) return null;
  const branch = config.locks.branch.trim().replace(/^refs\/heads\//, '');
  if (!/^[A-Za-z0-9._/-]+$/.test(remote) || remote.startsWith('-') || remote.includes('..')) {
    throw new OrchError(`locks.remote ${JSON.stringify(config.locks.remote)} is not a git remote name.`, {
      hint: 'Name a remote of this clone (see `git remote -v`), e.g. "origin".',
    });
  }
  if (
    !branch ||
    !/^[A-Za-z0-9._/-]+$/.test(branch) ||
    branch.startsWith('-') ||
    branch.includes('..') ||
    branch.endsWith('/') ||
    branch.endsWith('.lock')
  ) {
    throw new OrchError(`locks.branch ${JSON.stringify(config.locks.branch)} is not a usable branch name.`, {
      hint: 'Use a plain branch name such as "orch/locks".',
    });
  }
  return { remote, branch, tracking: `refs/remotes/${remote}/${branch}`, label: `${remote}/${branch}` };
}
