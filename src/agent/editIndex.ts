// The edit index: what the pre-tool check needs to know that nothing can bind a path,
// precomputed by the quick check (quickGuard.ts) into `.git/orch/edit-index.json` and read
// by the edit hooks' smallest bundle (src/cli/editFastEntry.ts), which neither reads nor
// parses the status file. It holds every lock path of every worktree (any agent, expired
// or not), every contract glob and the configuration's own file names, each as a test
// that matches at least what the rules match — so a path it finds nothing for is one that
// lock-conflict and contract-owner pass, and any other path goes to the full check.
//
// It is keyed by the stat (device, inode, size, modification and change time) of every
// file the quick check reads: the configuration files and the status file of every
// worktree. The change time is set by the system on every write and
// cannot be set by a user; a file changed less than RACY_MS before the index was built
// could still change within the same clock tick unseen, so then no index is written (git
// calls this "racily clean"). Any change, any new worktree, anything unreadable: a miss,
// and the quick check runs and writes a new index.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import { otherWorktreeTops } from '../git/worktreeTops.js';

declare const ORCH_VERSION: string | undefined;
/** Bumped whenever what the index holds changes meaning. */
export const EDIT_INDEX_VERSION = `4:${typeof ORCH_VERSION === 'string' ? ORCH_VERSION : 'dev'}`;

/** A file changed this recently may change again within one tick of its change time. */
export const RACY_MS = 2000;

/** The configuration files quickGuard reads or refuses (package.json never wins over .orchrc.json). */
export const KEYED_CONFIG_FILES = CONFIG_SEARCH_PLACES.filter((f) => f !== 'package.json');

export interface GlobTest {
  /** The glob's fixed leading directories, lower-cased: nothing outside them matches. */
  base: string;
  /** The glob as a case-insensitive regular expression, for paths up to maxLen characters. */
  re?: string;
  maxLen?: number;
  /** Text every path the glob matches contains, lower-cased (globMatcher's requiredLiteral). */
  lit?: string;
  /** See Holder. */
  a?: string;
}

/**
 * The holder of a lock that binds only other agents, normalised and lower-cased as
 * sameAgent compares names: a lock that never expires, so its holder's edit under it
 * renews nothing (leaseRenewal.ts). Absent: the lock binds whoever edits.
 */
type Holder = string | undefined;

/** A lock path without trailing slashes, NFC and lower-cased, and its Holder. */
export type LiteralTest = [path: string, holder?: string];

export interface ContractTest {
  re: string;
  lit?: string;
}

export interface EditIndex {
  v: string;
  key: string;
  statusFile: string;
  /** A path at or under one of these may be bound. */
  literal: LiteralTest[];
  globs: GlobTest[];
  /** Contract globs as case-insensitive regular expressions. */
  contracts: ContractTest[];
  /** Configuration file names, lower-cased (contract-owner's configFindings). */
  protected: string[];
}

export interface Fingerprint {
  key: string;
  /** Whether a keyed file changed too recently for the key to be trusted. */
  racy: boolean;
}

/** The stat key of the given files; null when one cannot be read other than as absent. */
export function fingerprint(files: string[], now = Date.now()): Fingerprint | null {
  const parts: string[] = [];
  let racy = false;
  for (const file of files) {
    let st: fs.Stats | undefined;
    try {
      // times in milliseconds with their fraction: nanoseconds to within a fraction of a
      // microsecond, finer than any file system's clock tick (and a third of bigint's cost)
      st = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!st) {
      parts.push(`${file}\0-`);
      continue;
    }
    if (st.ctimeMs > now - RACY_MS || st.mtimeMs > now - RACY_MS) racy = true;
    parts.push(`${file}\0${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`);
  }
  return { key: parts.join('\n'), racy };
}

export function configFiles(top: string): string[] {
  return KEYED_CONFIG_FILES.map((f) => path.join(top, f));
}

/** The status files loadStatus reads: this worktree's, then every other worktree's. */
export function statusFiles(top: string, commonDir: string, statusFile: string): string[] {
  return [top, ...otherWorktreeTops(top, commonDir, false)].map((t) => path.join(t, statusFile));
}

export function editIndexPath(commonDir: string): string {
  return path.join(commonDir, 'orch', 'edit-index.json');
}

/** The index, when its key matches the files as they are now; else null. */
export function readEditIndex(top: string, commonDir: string, version = EDIT_INDEX_VERSION): EditIndex | null {
  let index: EditIndex;
  try {
    index = JSON.parse(fs.readFileSync(editIndexPath(commonDir), 'utf8')) as EditIndex;
  } catch {
    return null;
  }
  if (index?.v !== version || typeof index.statusFile !== 'string' || typeof index.key !== 'string') return null;
  const config = fingerprint(configFiles(top));
  const status = fingerprint(statusFiles(top, commonDir, index.statusFile));
  if (!config || !status || config.racy || status.racy) return null;
  return `${config.key}\n${status.key}` === index.key ? index : null;
}

/**
 * Whether a lock, a contract or the configuration may bind an edit of `rel` by the agent
 * `me` (normalised and lower-cased). False only when none can: every test here matches at
 * least what the rules' own matching does (case-insensitively, globs also as literal
 * paths, expired locks too), and only a lock of `me` that never expires is passed over.
 */
export function mayBind(index: EditIndex, rel: string, me: string): boolean {
  const binds = (holder: Holder) => holder === undefined || holder !== me;
  if (rel === index.statusFile) return true;
  const plain = rel.replace(/\/+$/, '').normalize('NFC');
  const folded = plain.toLowerCase();
  if (index.protected.includes(rel.toLowerCase()) || index.protected.includes(folded)) return true;
  for (let key = folded; ; ) {
    for (const [at, holder] of index.literal) if (at === key && binds(holder)) return true;
    const slash = key.lastIndexOf('/');
    if (slash <= 0) break;
    key = key.slice(0, slash);
  }
  for (const g of index.globs) {
    if (!binds(g.a)) continue;
    // as buildLockIndex tests it: the glob itself while affordable, else everything under its base
    if (g.re !== undefined && g.maxLen !== undefined && plain.length <= g.maxLen) {
      if (matches(g, plain)) return true;
    } else if (g.base === '' || folded === g.base || folded.startsWith(`${g.base}/`)) return true;
  }
  for (const c of index.contracts) if (matches(c, rel) || matches(c, plain)) return true;
  return false;
}

/** globMatcher's test: the required text first (compiling a glob's expression costs more than most checks). */
function matches(t: { re?: string; lit?: string }, p: string): boolean {
  if (t.lit !== undefined && !p.toLowerCase().includes(t.lit)) return false;
  return t.re === undefined || new RegExp(t.re, 'i').test(p);
}
