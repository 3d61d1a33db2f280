// Which locks cover a path, without testing every lock against every file: exact paths
// and directories through one map (a path is looked up with each of its ancestors), all
// globs through one compiled matcher that rejects most paths at once.
import picomatch from 'picomatch';
import { globMatcher, remembered } from '../match/globMatcher.js';
import { globComplexity } from '../match/globComplexity.js';
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
   * Whether a lock path with glob characters names a file that exists as written in a
   * committed tree (HEAD at commit time; in ranges, what the range starts from), never
   * the working tree. Such a path (`app/(shop)/[id]/page.tsx`, Next.js routes) is that
   * path, not a pattern. Whatever it says, a glob lock always covers its path as written
   * too: a file named `src/*.js` made by hand cannot turn the glob `src/*.js` off
   * (README: "Glob or literal").
   */
  existsLiterally?: (path: string) => boolean;
}

export function isGlobPath(p: string): boolean {
  return GLOB_CHARS.test(p);
}

export function buildLockIndex(locks: Lock[], options: LockIndexOptions): LockIndex {
  // One visible name, one key: a lock written in NFC (é) covers the NFD spelling (e + ◌́)
  // that another editor or OS produces, though Linux keeps the two apart as bytes.
  const fold = options.ignoreCase ? (s: string) => s.normalize('NFC').toLowerCase() : (s: string) => s.normalize('NFC');
  const byPath = new Map<string, Lock[]>();
  const globs: { lock: Lock; test: (p: string) => boolean }[] = [];
  const globPatterns: string[] = [];
  const affordable: Array<(length: number) => boolean> = [];
  let coarseGlobs = false;

  for (const lock of locks) {
    const key = fold(lock.path.replace(/\/+$/, ''));
    if (key === '' || key === '.' || key === '**' || key === '*') {
      // a lock on the whole repository
      globs.push({ lock, test: () => true });
      globPatterns.push('**');
      affordable.push(() => true);
      continue;
    }
    if (isGlobPath(lock.path) && !options.existsLiterally?.(lock.path.replace(/\/+$/, ''))) {
      // the path as written too (see existsLiterally)
      const list = byPath.get(key);
      if (list) list.push(lock);
      else byPath.set(key, [lock]);
      const pattern = (lock.path.endsWith('/') ? lock.path + '**' : lock.path).normalize('NFC');
      const cost = globComplexity(pattern);
      // a glob too costly to match (hand-written: orch lock refuses them) covers its whole
      // static base directory, and so does any glob for a path too long to match quickly
      const base = fold(picomatch.scan(pattern).base.replace(/\/+$/, ''));
      const coarse = (p: string) => base === '' || fold(p) === base || fold(p).startsWith(base + '/');
      if (cost.problem) {
        globs.push({ lock, test: coarse });
        coarseGlobs = true;
        continue;
      }
      const exact = globMatcher([pattern], { ignoreCase: options.ignoreCase });
      globs.push({ lock, test: (p) => (cost.affordable(p.length) ? exact(p) : coarse(p)) });
      globPatterns.push(pattern);
      affordable.push(cost.affordable);
      // `dir/**` also covers the directory entry itself and `dir/` written alone
      continue;
    }
    const list = byPath.get(key);
    if (list) list.push(lock);
    else byPath.set(key, [lock]);
  }

  const anyGlob = globPatterns.length ? globMatcher(globPatterns, { ignoreCase: options.ignoreCase }) : null;

  return {
    size: locks.length,
    match: remembered((rawPath: string): Lock[] => {
      const p = rawPath.replace(/\/+$/, '').normalize('NFC');
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
      // the combined matcher rejects most paths at once, when it is cheap for this path
      const prefilter = !coarseGlobs && anyGlob !== null && affordable.every((a) => a(p.length));
      // a glob lock found by its literal path already is not listed twice
      if (globs.length && (!prefilter || anyGlob!(p)))
        for (const g of globs) if (g.test(p) && !found.includes(g.lock)) found.push(g.lock);
      return found;
    }),
  };
}
