// One compiled matcher per pattern list: rules run on every commit and the same contract
// and lock globs are tested against every changed path, so compile once — and across
// commits too: the regular expressions picomatch makes are kept in the git dir
// (orch/glob-cache.json), so a hook does not parse the same globs on every commit.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

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
      const raw = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { v?: number; res?: Record<string, [string, string]> };
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
  const key = `${ignoreCase ? 'i' : ''}\0${pattern}`;
  const hit = stored().get(key);
  let re: RegExp;
  if (hit) re = new RegExp(hit[0], hit[1]);
  else {
    re = picomatch.makeRe(pattern, { dot: true, nocase: ignoreCase });
    if (cacheFile && stored().size < 5000) {
      stored().set(key, [re.source, re.flags]);
      dirty = true;
    }
  }
  return (p) => re.test(p);
}

/** Writes newly compiled globs for the next run; best effort. */
export function saveGlobCache(): void {
  if (!dirty || !cacheFile || !persisted) return;
  dirty = false;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify({ v: 1, res: Object.fromEntries(persisted) }));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // a read-only git dir: compile next time
  }
}

/** A predicate true when a repository-relative path matches any of `patterns` (picomatch, `dot: true`). */
export function globMatcher(patterns: readonly string[], options: GlobMatcherOptions = {}): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ignoreCase = !!options.ignoreCase;
  const key = (ignoreCase ? 'i\0' : '\0') + patterns.join('\0');
  let test = cache.get(key);
  if (!test) {
    const tests = patterns.map((p) => compile(p, ignoreCase));
    test = tests.length === 1 ? tests[0] : (p: string) => tests.some((t) => t(p));
    if (cache.size > 2048) cache.clear();
    cache.set(key, test);
  }
  return test;
}
