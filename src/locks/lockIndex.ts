// Which locks cover a path, without testing every lock against every file: exact paths
// and directories through one map (a path is looked up with each of its ancestors), all
// globs through one compiled matcher that rejects most paths at once.
import picomatch from 'picomatch';
import type { Lock } from '../types.js';

export interface LockIndex {
  /** Locks covering `path` (a file, or a directory with or without trailing slash). */
  match(path: string): Lock[];
  size: number;
}

const GLOB_CHARS = /[*?[\]{}()!]/;

export interface LockIndexOptions {
  ignoreCase: boolean;
  /**
   * Whether a lock path exists as written. A path like `app/(shop)/[id]/page.tsx` that
   * exists is that path, not a pattern (Next.js routes); only consulted for paths that
   * contain glob characters.
   */
  existsLiterally?: (path: string) => boolean;
}

export function isGlobPath(p: string): boolean {
  return GLOB_CHARS.test(p);
}

export function buildLockIndex(locks: Lock[], options: LockIndexOptions): LockIndex {
  const fold = options.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const byPath = new Map<string, Lock[]>();
  const globs: { lock: Lock; test: (p: string) => boolean }[] = [];
  const globPatterns: string[] = [];

  for (const lock of locks) {
    const key = fold(lock.path.replace(/\/+$/, ''));
    if (key === '' || key === '.' || key === '**' || key === '*') {
      // a lock on the whole repository
      globs.push({ lock, test: () => true });
      globPatterns.push('**');
      continue;
    }
    if (isGlobPath(lock.path) && !options.existsLiterally?.(lock.path.replace(/\/+$/, ''))) {
      const pattern = lock.path.endsWith('/') ? lock.path + '**' : lock.path;
      const opts = { dot: true, nocase: options.ignoreCase };
      globs.push({ lock, test: picomatch(pattern, opts) });
      globPatterns.push(pattern);
      // `dir/**` also covers the directory entry itself and `dir/` written alone
      continue;
    }
    const list = byPath.get(key);
    if (list) list.push(lock);
    else byPath.set(key, [lock]);
  }

  const anyGlob = globPatterns.length ? picomatch(globPatterns, { dot: true, nocase: options.ignoreCase }) : null;

  return {
    size: locks.length,
    match(rawPath) {
      const p = rawPath.replace(/\/+$/, '');
      const found: Lock[] = [];
      if (byPath.size) {
        // the path itself, then each ancestor directory: a lock on `services/orders`
        // (with or without a trailing slash) covers everything under it
        let key = fold(p);
        for (;;) {
          const hit = byPath.get(key);
          if (hit) found.push(...hit);
          const slash = key.lastIndexOf('/');
          if (slash <= 0) break;
          key = key.slice(0, slash);
        }
      }
      if (anyGlob && anyGlob(p)) for (const g of globs) if (g.test(p)) found.push(g.lock);
      return found;
    },
  };
}
