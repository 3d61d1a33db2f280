import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readLockHolder } from '../../../src/fs/readLockHolder.js';
import { removeLockFile } from '../../../src/fs/removeLockFile.js';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orch-remove-lock-'));
  lock = join(dir, 'status.lock');
  return () => rmSync(dir, { recursive: true, force: true });
});

const owner = (token: string) => JSON.stringify({ pid: 4242, hostname: 'h', time: '2026-01-01T00:00:00Z', token });

// Two waiters judged the same stale lock; one has already replaced it with its own.
describe('removeLockFile', () => {
  it('removes the lock it judged, and leaves no marker behind', () => {
    writeFileSync(lock, owner('stale'));
    expect(removeLockFile(lock, readLockHolder(lock)!.key)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves alone the fresh lock another waiter created after taking over the same stale one', () => {
    writeFileSync(lock, owner('stale'));
    const judged = readLockHolder(lock)!; // the slow waiter looked at it here
    rmSync(lock); // the fast waiter took it over ...
    writeFileSync(lock, owner('fresh')); // ... and now holds the lock
    expect(removeLockFile(lock, judged.key)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(owner('fresh'));
  });

  it('backs off while another process is removing the same lock', () => {
    writeFileSync(lock, owner('stale'));
    const marker = `${lock}.takeover-stale`;
    writeFileSync(marker, '');
    expect(removeLockFile(lock, 'stale')).toBe(false);
    expect(existsSync(lock)).toBe(true);
    expect(existsSync(marker)).toBe(true);
  });

  it('clears a marker left by a process that crashed while removing, so the next attempt succeeds', () => {
    writeFileSync(lock, owner('stale'));
    const marker = `${lock}.takeover-stale`;
    writeFileSync(marker, '');
    const then = new Date(Date.now() - 60_000);
    utimesSync(marker, then, then);
    expect(removeLockFile(lock, 'stale')).toBe(false);
    expect(removeLockFile(lock, 'stale')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('tells apart two unreadable lock files by more than their (empty) content', () => {
    writeFileSync(lock, '');
    const judged = readLockHolder(lock)!;
    expect(judged.owner).toBeUndefined();
    rmSync(lock);
    writeFileSync(lock, '');
    utimesSync(lock, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    expect(removeLockFile(lock, judged.key)).toBe(true);
    expect(existsSync(lock)).toBe(true);
  });
});
