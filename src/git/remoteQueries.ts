// What this clone's config says about one remote: its URL and its fetch refspecs.
import type { GitQuery } from './runGit.js';

/** The remote's URL, or null when the clone has no such remote. */
export function remoteUrlQuery(remote: string): GitQuery<string | null> {
  return {
    args: ['remote', 'get-url', '--', remote],
    parse: (out) => out.trim() || null,
    // 2: no such remote; 128: older gits say the same with 128
    okCodes: [2, 128],
  };
}

/** The refspecs of `remote.<name>.fetch`, in order; none when the key is unset. */
export function fetchRefspecsQuery(remote: string): GitQuery<string[]> {
  return {
    args: ['config', '--get-all', `remote.${remote}.fetch`],
    parse: (out) =>
      out
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    // 1: the key is not set
    okCodes: [1],
  };
}
