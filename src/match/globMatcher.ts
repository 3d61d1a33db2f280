// One compiled picomatch matcher per pattern list: rules run on every commit and the
// same contract globs are tested against every changed path, so compile once.
import picomatch from 'picomatch';

export interface GlobMatcherOptions {
  /** Compare case-insensitively (core.ignorecase). */
  ignoreCase?: boolean;
}

const cache = new Map<string, (path: string) => boolean>();

/** A predicate true when a repository-relative path matches any of `patterns` (picomatch, `dot: true`). */
export function globMatcher(patterns: readonly string[], options: GlobMatcherOptions = {}): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const key = (options.ignoreCase ? 'i\0' : '\0') + patterns.join('\0');
  let test = cache.get(key);
  if (!test) {
    test = picomatch([...patterns], { dot: true, nocase: !!options.ignoreCase });
    if (cache.size > 2048) cache.clear();
    cache.set(key, test);
  }
  return test;
}
