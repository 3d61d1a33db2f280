// A validated configuration, cached under the git dir and keyed by the file's path and
// exact text (and orch's version, since defaults change between versions). A hit lets a
// hook skip zod entirely; any edit of the file is a miss. Best effort: a cache that cannot
// be read or written is simply not used.
import fs from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '../fs/writeCacheFile.js';
import { sha1Hex } from '../text/sha1.js';
import type { Config } from './schema.js';

declare const ORCH_VERSION: string;
const VERSION = typeof ORCH_VERSION === 'string' ? ORCH_VERSION : 'dev';
export type CacheSlot = 'worktree' | 'revision';
const FILES: Record<CacheSlot, string> = { worktree: 'config-cache.json', revision: 'revision-config-cache.json' };

function keyOf(file: string, text: string): string {
  // plain-JavaScript SHA-1 (same digest): the edit-time check must not load node:crypto
  return sha1Hex(`${VERSION}\0${file}\0${text}`);
}

/**
 * @param slot  which cache file: the working tree's configuration and the one a range is
 *   judged by (a revision's) each keep their own, so neither evicts the other
 */
export function readConfigCache(
  dir: string,
  file: string,
  text: string,
  slot: CacheSlot = 'worktree',
): Config | undefined {
  try {
    const cached = JSON.parse(fs.readFileSync(path.join(dir, FILES[slot]), 'utf8')) as {
      key?: string;
      config?: Config;
    };
    return cached.key === keyOf(file, text) && cached.config ? cached.config : undefined;
  } catch {
    return undefined;
  }
}

export function writeConfigCache(
  dir: string,
  file: string,
  text: string,
  config: Config,
  slot: CacheSlot = 'worktree',
): void {
  writeCacheFile(path.join(dir, FILES[slot]), { key: keyOf(file, text), config });
}
