// Which locks orch itself took out of this clone's status file (orch unlock, orch done, a
// steal): a lock that is still in HEAD or the index but gone from the working tree binds
// at pre-commit unless orch released it — a row deleted by hand frees nothing (README:
// "Locks deleted in the working tree"). Kept in the common git dir, next to the status
// lock, and written under it.
import fs from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '../fs/writeCacheFile.js';
import type { Lock } from '../types.js';

const MAX_ENTRIES = 500;

/** One lock as orch wrote it: a lock taken again later has another Since, so another key. */
export function releaseKey(l: Pick<Lock, 'path' | 'agent' | 'task' | 'since'>): string {
  return [
    l.path.trim().replace(/\/+$/, ''),
    l.agent.trim().replace(/^@+/, '').toLowerCase(),
    (l.task ?? '').trim(),
    (l.since ?? '').trim(),
  ].join('\0');
}

function journalFile(commonDir: string): string {
  return path.join(commonDir, 'orch', 'released.json');
}

/** The keys of the locks orch released here (newest last); empty when there is no journal. */
export function readReleases(commonDir: string): Set<string> {
  try {
    const raw = JSON.parse(fs.readFileSync(journalFile(commonDir), 'utf8')) as { v?: number; keys?: unknown };
    return raw.v === 1 && Array.isArray(raw.keys)
      ? new Set(raw.keys.filter((k): k is string => typeof k === 'string'))
      : new Set();
  } catch {
    return new Set();
  }
}

/** Adds the locks an orch write is taking out; called under the status lock, before the write. */
export function recordReleases(commonDir: string, removed: Lock[]): void {
  if (removed.length === 0) return;
  const keys = [...readReleases(commonDir), ...removed.map(releaseKey)];
  writeCacheFile(journalFile(commonDir), { v: 1, keys: [...new Set(keys)].slice(-MAX_ENTRIES) });
}
