// Parsed status file heads kept between runs, in .git/orch/status-cache.json: a commit
// appends one Log line and leaves the locks and reviews as they were, so the next commit
// finds the same head and skips parsing it (about 10 ms for 200 lock rows). Keyed by the
// head's SHA-1 per file: any change to the head, by orch or by hand, misses and is parsed.
// A cache only: unreadable or unwritable, orch parses.
import fs from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '../fs/writeCacheFile.js';
import { sha1Hex } from '../text/sha1.js';
import type { StatusDoc } from '../types.js';

declare const ORCH_VERSION: string | undefined;
/** Bumped whenever what readStatus returns changes shape or meaning; a new orch version starts afresh. */
const VERSION = `2:${typeof ORCH_VERSION === 'string' ? ORCH_VERSION : 'dev'}`;

let cacheFile: string | null = null;
let entries: Map<string, { hash: string; doc: StatusDoc }> | null = null;
let dirty = false;

/** Where this process keeps the cache (the common git dir's orch/), or null for none. */
export function useStatusCache(dir: string | null): void {
  cacheFile = dir === null ? null : path.join(dir, 'status-cache.json');
  entries = null;
  dirty = false;
}

function stored(): Map<string, { hash: string; doc: StatusDoc }> {
  if (entries) return entries;
  entries = new Map();
  if (!cacheFile) return entries;
  try {
    const raw = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
      v?: string;
      files?: Record<string, { hash: string; doc: StatusDoc }>;
    };
    if (raw.v === VERSION && raw.files) {
      for (const [source, e] of Object.entries(raw.files))
        if (typeof e?.hash === 'string' && Array.isArray(e.doc?.locks)) entries.set(source, e);
    }
  } catch {
    // none yet, or unreadable: parse
  }
  return entries;
}

/** The parse of `head` for the file `source`: from the cache when it holds this head, else parsed and kept. */
export function cachedParse(source: string, head: string, parse: () => StatusDoc): StatusDoc {
  if (!cacheFile) return parse();
  // plain-JavaScript SHA-1: the edit-time check must not load node:crypto for one key
  const hash = sha1Hex(head);
  const hit = stored().get(source);
  if (hit && hit.hash === hash) return hit.doc;
  const doc = parse();
  // one entry per file: this worktree's and the others' (a few files, a few dozen KB)
  if (stored().size < 64 || stored().has(source)) {
    stored().set(source, { hash, doc });
    dirty = true;
  }
  return doc;
}

/** Writes what changed for the next run; best effort. */
export function saveStatusCache(): void {
  if (!dirty || !cacheFile || !entries) return;
  dirty = false;
  writeCacheFile(cacheFile, { v: VERSION, files: Object.fromEntries(entries) });
}
