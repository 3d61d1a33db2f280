import { globMatcher } from '../match/globMatcher.js';
import type { FileChange } from '../types.js';

export interface ReviewTarget {
  path: string;
  /** The change deletes it: there is no new content to match an approval against. */
  deleted: boolean;
}

/** The changed paths that need a container review: those matching `review.paths`. */
export function reviewTargets(
  files: readonly FileChange[],
  review: { paths: readonly string[] },
  options: { ignoreCase?: boolean } = {},
): ReviewTarget[] {
  const matches = globMatcher(review.paths, options);
  const seen = new Set<string>();
  const out: ReviewTarget[] = [];
  for (const f of files) {
    if (f.submodule || seen.has(f.path) || !matches(f.path)) continue;
    seen.add(f.path);
    out.push({ path: f.path, deleted: f.status === 'D' });
  }
  return out;
}
