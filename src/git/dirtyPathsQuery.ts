// The paths with uncommitted changes in the working tree or the index (modified, added,
// deleted, renamed — both names — and untracked files), repository-relative.
import type { GitQuery } from './runGit.js';

export const dirtyPathsQuery: GitQuery<string[]> = {
  args: ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'],
  parse: (out) => {
    const paths: string[] = [];
    for (const entry of out.split('\0')) {
      if (entry.length > 3) paths.push(entry.slice(3));
    }
    return paths;
  },
};

/** Commits since a time that touch any of the paths (ids, newest first). */
export function commitsSinceQuery(since: string, paths: string[]): GitQuery<string[]> {
  return {
    args: [
      'log',
      `--since=${since}`,
      '--format=%H',
      '--',
      ...paths.map((p) => (/[*?[{]/.test(p) ? `:(glob)${p}` : `:(literal)${p.replace(/\/$/, '')}`)),
    ],
    parse: (out) => out.split('\n').filter(Boolean),
    okCodes: [128],
  };
}
