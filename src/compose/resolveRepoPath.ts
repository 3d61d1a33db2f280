import { posix } from 'node:path';

/**
 * Joins a path written in a file of directory `base` onto it, repository-relative with
 * forward slashes: '' is the repository root, null means it leaves the repository.
 */
export function resolveRepoPath(base: string, written: string): string | null {
  const joined = posix.normalize(posix.join(base === '' ? '.' : base, written.replace(/\\/g, '/')));
  const clean = joined.replace(/\/+$/, '');
  if (clean === '.' || clean === '') return '';
  if (clean === '..' || clean.startsWith('../')) return null;
  return clean.replace(/^\.\//, '');
}
