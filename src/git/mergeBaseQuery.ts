// The commit a pull request forked from: its net change is measured from there, not from
// the base branch's tip (which may have moved on since).
import type { GitQuery } from './runGit.js';

/** The best common ancestor of `a` and `b`; null when the histories share none (or it is out of a shallow clone's reach). */
export function mergeBaseQuery(a: string, b: string): GitQuery<string | null> {
  return {
    args: ['merge-base', a, b],
    parse: (out) => out.trim().split('\n')[0] || null,
    okCodes: [1],
  };
}
