// Brings the remote's lock branch into a local ref (the remote-tracking branch), nothing
// else: no tags, no FETCH_HEAD, no submodules, no maintenance afterwards.
import { parseFetchError, type FetchFailure } from './parseFetchError.js';
import { runGit, type GitOptions } from './runGit.js';

export type FetchOutcome = { state: 'fetched' } | FetchFailure;

export async function fetchLockBranch(
  remote: string,
  branch: string,
  into: string,
  git: GitOptions,
): Promise<FetchOutcome> {
  const r = await runGit(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--no-recurse-submodules',
      '--no-auto-maintenance',
      '--no-auto-gc',
      '--',
      remote,
      `+refs/heads/${branch}:${into}`,
    ],
    { ...git, okCodes: [1, 128] },
  );
  return r.code === 0 ? { state: 'fetched' } : parseFetchError(r.stderr);
}
