// One compiled matcher per pattern list: rules run on every commit and the same contract
// and lock globs are tested against every changed path, so compile once — and across
// commits too: the regular expressions picomatch makes are kept in the git dir
// (orch/glob-cache.json), so a hook does not parse the same globs on every commit.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { writeCacheFile } from '../fs/writeCacheFile.js';

export interface GlobMatcherOptions {
  /** Compare case-insensitively (core.ignorecase). */
  ignoreCase?: boolean;
}

const cache = new Map<string, (path: string) => boolean>();
let cacheFile: string | null = null;
let persisted: Map<string, [string, string]> | null = null;
let dirty = false;

/** Where compiled globs are kept between runs (called once the repository is known). */
export function useGlobCache(dir: string): void {
  cacheFile = path.join(dir, 'glob-cache.json');
  persisted = null;
}

function stored(): Map<string, [string, string]> {
  if (persisted) return persisted;
  persisted = new Map();
  if (cacheFile) {
    try {
      const raw = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
        v?: number;
        res?: Record<string, [string, string]>;
      };
      if (raw.v === 1 && raw.res) for (const [k, v] of Object.entries(raw.res)) persisted.set(k, v);
    } catch {
      // no cache yet, or an unreadable one: compile
    }
  }
  return persisted;
}

function compile(pattern: string, ignoreCase: boolean): (p: string) => boolean {
  // negations keep picomatch's own matcher (its result is not a plain regex test)
  if (pattern.startsWith('!')) return picomatch(pattern, { dot: true, nocase: ignoreCase });
  // V8 compiles a regular expression when it is first used, and a commit tests a few
  // paths against dozens of contract and lock globs: a path without the pattern's
  // longest literal piece cannot match, and never makes its expression compile
  const literal = requiredLiteral(pattern, ignoreCase);
  let re: RegExp | null = null;
  const regex = (): RegExp => {
    if (re) return re;
    const key = `${ignoreCase ? 'i' : ''}\0${pattern}`;
    const hit = stored().get(key);
    if (hit) re = new RegExp(hit[0], hit[1]);
    else {
      re = picomatch.makeRe(pattern, { dot: true, nocase: ignoreCase });
      if (cacheFile && stored().size < 5000) {
        stored().set(key, [re.source, re.flags]);
        dirty = true;
      }
    }
    return re;
  };
  if (literal === null) return (p) => regex().test(p);
  return ignoreCase
    ? (p) => p.toLowerCase().includes(literal) && regex().test(p)
    : (p) => p.includes(literal) && regex().test(p);
}

/**
 * The longest piece of a pattern that every matching path contains as written (lower-cased
 * for ignoreCase), or null when there is none worth testing. Only text outside any glob
 * syntax counts: not inside {…} [...] (…), and none in a pattern with escapes or quotes.
 */
export function requiredLiteral(pattern: string, ignoreCase: boolean): string | null {
  // escapes and quotes make literal text that the path holds without them
  if (/[\\"']/.test(pattern)) return null;
  // case-insensitive beyond ASCII: lower-casing and the regular expression's folding may differ
  if (ignoreCase && /[^\x00-\x7f]/.test(pattern)) return null;
  let best = '';
  let piece = '';
  let depth = 0;
  for (const c of pattern) {
    if (c === '{' || c === '[' || c === '(') depth++;
    if (depth === 0 && !'*?+@!'.includes(c)) piece += c;
    else {
      if (piece.length > best.length) best = piece;
      piece = '';
    }
    if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--;
  }
  if (piece.length > best.length) best = piece;
  // a slash alone says nothing; a piece next to a glob may be matched across it
  // (`a/**/b` matches "a/b"): keep only what lies between two slashes or at an end
  best = best.replace(/^\/+|\/+$/g, '');
  if (best.length < 2) return null;
  return ignoreCase ? best.toLowerCase() : best;
}

/** Writes newly compiled globs for the next run; best effort. */
export function saveGlobCache(): void {
  if (!dirty || !cacheFile || !persisted) return;
  dirty = false;
  writeCacheFile(cacheFile, { v: 1, res: Object.fromEntries(persisted) });
}

/** A predicate true when a repository-relative path matches any of `patterns` (picomatch, `dot: true`). */
export function globMatcher(patterns: readonly string[], options: GlobMatcherOptions = {}): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ignoreCase = !!options.ignoreCase;
  const key = (ignoreCase ? 'i\0' : '\0') + patterns.join('\0');
  let test = cache.get(key);
  if (!test) {
    const tests = patterns.map((p) => compile(p, ignoreCase));
    test = remembered(tests.length === 1 ? tests[0] : (p: string) => tests.some((t) => t(p)));
    if (cache.size > 2048) cache.clear();
    cache.set(key, test);
  }
  return test;
}

/**
 * A range asks about the same paths commit after commit (an agent keeps changing its own
 * files): each answer is kept, up to a bound.
 */
export function remembered<T>(answer: (path: string) => T, bound = 20_000): (path: string) => T {
  const known = new Map<string, T>();
  return (path) => {
    let v = known.get(path);
    if (v === undefined && !known.has(path)) {
      v = answer(path);
      if (known.size >= bound) known.clear();
      known.set(path, v);
    }
    return v as T;
  };
}
