// Builds the edit index (editIndex.ts) from what the quick check has just read: every
// lock of every worktree and the configuration's contracts and file names, each turned
// into a test that matches at least what the rules match. Written only when every keyed
// file is older than RACY_MS; a configuration for which no such test is cheap or sure
// (autoLock or remote locks, which write; a lock on everything; a negated contract
// or lock glob) gets none, and every edit takes the quick check.
import picomatch from 'picomatch';
import fs from 'node:fs';
import type { Config } from '../config/schema.js';
import { writeCacheFile } from '../fs/writeCacheFile.js';
import { normaliseName, UNKNOWN_HOLDER } from '../identity/sameAgent.js';
import { isGlobPath } from '../locks/lockIndex.js';
import { lockExpiry } from '../locks/lockTimes.js';
import { globComplexity } from '../match/globComplexity.js';
import { requiredLiteral } from '../match/globMatcher.js';
import { CONFIG_FILES } from '../rules/contract-owner.js';
import type { Lock } from '../types.js';
import {
  EDIT_INDEX_VERSION,
  editIndexPath,
  type ContractTest,
  type EditIndex,
  type Fingerprint,
  type GlobTest,
  type LiteralTest,
} from './editIndex.js';

const fold = (s: string) => s.normalize('NFC').toLowerCase();

export function buildEditIndex(key: string, config: Config, locks: Lock[], configFile: string): EditIndex | null {
  if (config.locks.autoLock || config.locks.remote) return null;
  const literal = new Map<string, LiteralTest>();
  const globs: GlobTest[] = [];
  for (const lock of locks) {
    const at = fold(lock.path.replace(/\/+$/, ''));
    if (at === '' || at === '.' || at === '**' || at === '*') return null;
    const a = holder(lock, config);
    // a glob lock covers its path as written too, and is that path when it exists literally
    literal.set(`${at}\0${a ?? ''}`, a === undefined ? [at] : [at, a]);
    if (!isGlobPath(lock.path)) continue;
    // as buildLockIndex compiles it
    const pattern = (lock.path.endsWith('/') ? `${lock.path}**` : lock.path).normalize('NFC');
    // a negated glob matches nearly everything
    if (pattern.startsWith('!')) return null;
    const base = fold(picomatch.scan(pattern).base.replace(/\/+$/, ''));
    const cost = globComplexity(pattern);
    // a negated group: what its case-insensitive expression leaves out, the case-sensitive
    // one (the agent's own locks, core.ignorecase false) may match; so everything under its base
    const maxLen = cost.problem || pattern.includes('!') ? -1 : affordableUpTo(cost.affordable);
    globs.push({ base, ...(maxLen < 0 ? {} : { ...globTest(pattern), maxLen }), ...(a === undefined ? {} : { a }) });
  }
  const contracts: ContractTest[] = [];
  for (const group of config.contracts)
    for (const p of group.paths) {
      if (p.startsWith('!')) return null;
      contracts.push(globTest(p));
    }
  const names = new Set([...CONFIG_FILES, 'package.json', configFile].map((f) => f.toLowerCase()));
  return {
    v: EDIT_INDEX_VERSION,
    key,
    statusFile: config.statusFile,
    literal: [...literal.values()],
    globs,
    contracts,
    protected: [...names],
  };
}

/**
 * Whom the lock binds: its holder's name as sameAgent compares it when the lock never
 * expires (no Expires cell, no locks.ttl with a Since), so that its holder's edit renews
 * no lease; else undefined, and it binds everyone (the quick check renews the lease).
 */
function holder(lock: Lock, config: Config): string | undefined {
  if (lock.agent === UNKNOWN_HOLDER || lockExpiry(lock, config.locks.ttl) !== undefined) return undefined;
  return normaliseName(lock.agent).toLowerCase() || undefined;
}

/** A glob as globMatcher compiles it for ignoreCase: its expression and the text it requires. */
function globTest(pattern: string): ContractTest {
  const lit = requiredLiteral(pattern, true);
  const re = picomatch.makeRe(pattern, { dot: true, nocase: true }).source;
  return lit === null ? { re } : { re, lit };
}

/** The longest path a glob is matched exactly for (buildLockIndex: `affordable`), or -1. */
function affordableUpTo(affordable: (length: number) => boolean): number {
  if (!affordable(0)) return -1;
  let lo = 0;
  let hi = 4096;
  if (affordable(hi)) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (affordable(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Writes the index for the files as fingerprinted before they were read; best effort. */
export function saveEditIndex(
  commonDir: string,
  stats: (Fingerprint | null)[],
  config: Config,
  locks: Lock[],
  configFile: string,
): void {
  if (stats.some((s) => s === null || s.racy)) return;
  const key = stats.map((s) => s!.key).join('\n');
  const file = editIndexPath(commonDir);
  try {
    const old = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EditIndex>;
    if (old.v === EDIT_INDEX_VERSION && old.key === key) return;
  } catch {
    // none yet
  }
  const index = buildEditIndex(key, config, locks, configFile);
  if (index) writeCacheFile(file, index);
  else
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // a read-only git dir holds no index to remove either
    }
}
