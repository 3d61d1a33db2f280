// What a failed `git fetch` of the lock branch means: the branch does not exist on the
// remote yet, a local ref could not be updated because another git process held it (try
// again), or the remote could not be reached at all (say so, with git's own words).

export type FetchFailure =
  | { state: 'missing' }
  | { state: 'busy'; reason: string }
  | { state: 'unreachable'; reason: string };

export function parseFetchError(stderr: string): FetchFailure {
  if (/couldn't find remote ref/i.test(stderr)) return { state: 'missing' };
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l &&
        !/^hint:/i.test(l) &&
        !/^please make sure you have the correct access rights/i.test(l) &&
        !/^and the repository exists\.?$/i.test(l),
    );
  const reason = lines.map((l) => l.replace(/^(fatal|error):\s*/i, '')).join('; ') || 'git fetch failed';
  if (/cannot lock ref|unable to update local ref|Unable to create '.*\.lock'/i.test(stderr))
    return { state: 'busy', reason };
  return { state: 'unreachable', reason };
}
