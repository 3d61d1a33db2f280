// Where the repository is: one rev-parse answers all of it, and works before the first commit.
import path from 'node:path';
import type { GitQuery } from './runGit.js';

export interface RepoInfo {
  /** The working tree's top directory (absolute); for a bare repository, the git dir. */
  top: string;
  gitDir: string;
  /** Shared by all worktrees: hooks, config, orch's own lock file live here. */
  commonDir: string;
  /** The hooks directory git actually uses (honours core.hooksPath). */
  hooksDir: string;
  bare: boolean;
}

/**
 * @param withTop  ask for the working tree's top; git refuses that question outside a
 *   working tree (a bare server repository running pre-receive), so ask without it there
 */
export function repoInfoQuery(cwd: string, withTop = true): GitQuery<RepoInfo> {
  return {
    args: [
      'rev-parse',
      '--is-bare-repository',
      '--absolute-git-dir',
      '--git-common-dir',
      '--git-path',
      'hooks',
      ...(withTop ? ['--show-toplevel'] : []),
    ],
    parse(out) {
      const [bare, gitDir, common, hooks, top] = out.split('\n');
      const isBare = bare === 'true';
      // --git-common-dir and --git-path answer relative to cwd.
      return {
        bare: isBare,
        gitDir,
        commonDir: path.resolve(cwd, common),
        hooksDir: path.resolve(cwd, hooks),
        top: isBare || !top ? gitDir : top,
      };
    },
  };
}
