import type { GitQuery } from './runGit.js';

/** Paths of a tree (`rev`) or of the index (rev undefined). */
export function lsFilesQuery(rev?: string): GitQuery<string[]> {
  return {
    args: rev ? ['ls-tree', '-r', '-z', '--name-only', '--full-tree', rev] : ['ls-files', '-z', '--cached'],
    parse: (out) => out.split('\0').filter(Boolean),
    okCodes: rev ? [128] : undefined,
  };
}
