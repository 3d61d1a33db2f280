// Runs `fn` while holding an exclusive lock file, so read-modify-write cycles on shared
// files (WORK_STATUS.md) are serialised between processes on the machine — and between
// concurrent calls inside one process.
//
// The lock file is created with O_EXCL and holds {pid, hostname, time, token}. A lock
// whose process is gone (same host) or whose file has not been touched for `staleMs`
// is taken over, safely against other waiters doing the same (see removeLockFile). A
// holder refreshes the file's mtime while `fn` runs, so long work is not mistaken for
// a stale lock.
import { isAlive } from './isAlive.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { linkSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';

const EMPTY_LOCK_GRACE_MS = 3000;
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { OrchError } from '../errors.js';
import { fsWriteError } from './fsWriteError.js';
import { readLockHolder, type LockHolder, type LockOwner } from './readLockHolder.js';
import { removeLockFile } from './removeLockFile.js';

export interface FileLockOptions {
  /** Give up waiting after this long (default 15 s). */
  timeoutMs?: number;
  /** A lock file untouched for this long is taken over (default 60 s). */
  staleMs?: number;
}

const FIRST_DELAY_MS = 5;
const MAX_DELAY_MS = 100;

const heldHere = new AsyncLocalStorage<ReadonlySet<string>>();
const queues = new Map<string, Promise<void>>();

export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const path = resolve(lockPath);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 60_000;

  const outer = heldHere.getStore();
  if (outer?.has(path)) {
    // Waiting here would wait for ourselves forever.
    throw new Error(`withFileLock: ${path} is already held by this call chain; the lock is not re-entrant`);
  }

  // Calls inside this process queue here instead of polling the file against each other.
  const previous = queues.get(path) ?? Promise.resolve();
  let done!: () => void;
  const turn = new Promise<void>((r) => (done = r));
  const tail = previous.then(() => turn);
  queues.set(path, tail);
  try {
    await previous;
    const lock = await acquire(path, timeoutMs, staleMs);
    const heartbeat = setInterval(() => touch(path, lock.token), Math.max(10, Math.floor(staleMs / 3)));
    heartbeat.unref();
    try {
      return await heldHere.run(new Set([...(outer ?? []), path]), fn);
    } finally {
      clearInterval(heartbeat);
      release(path, lock.token);
    }
  } finally {
    done();
    if (queues.get(path) === tail) queues.delete(path);
  }
}

async function acquire(path: string, timeoutMs: number, staleMs: number): Promise<LockOwner> {
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    time: new Date().toISOString(),
    token: `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path, me)) return me;
    const holder = readLockHolder(path);
    if (holder === null) continue; // released between our attempt and the read
    if (isStale(holder, staleMs) && removeLockFile(path, holder.key)) continue;
    const now = Date.now();
    if (now >= deadline) throw timeoutError(path, holder, timeoutMs);
    const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 1.5 ** attempt);
    const delay = ceiling / 2 + (Math.random() * ceiling) / 2;
    await new Promise((r) => setTimeout(r, Math.min(delay, deadline - now + 1)));
  }
}

/**
 * Creates the lock file with its content in one step: the content goes to a file of our
 * own, which is then hard-linked to the lock's name (link fails when the name exists). A
 * process killed at any moment leaves either no lock or a lock that says who held it —
 * never an empty lock file that nobody can judge.
 */
function tryCreate(path: string, me: LockOwner): boolean {
  const tmp = `${path}.${me.token}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(me)}\n`, { mode: 0o644 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsWriteError(e, path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, `${JSON.stringify(me)}\n`, { mode: 0o644 });
    } catch (again) {
      throw fsWriteError(again, path);
    }
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fsWriteError(e, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function isStale(holder: LockHolder, staleMs: number): boolean {
  const age = Date.now() - holder.mtimeMs;
  if (age > staleMs) return true;
  const owner = holder.owner;
  // a lock file that does not say who holds it (left by an older orch killed between
  // creating and writing it): nobody can be holding it after a few seconds
  if (owner === undefined && age > EMPTY_LOCK_GRACE_MS) return true;
  return owner !== undefined && owner.hostname === hostname() && !isAlive(owner.pid);
}

function release(path: string, token: string): void {
  try {
    // False: a waiter judged our lock stale and is removing it; it is not ours any more.
    removeLockFile(path, token);
  } catch {
    // Best effort: a lock left behind is judged stale later.
  }
}

function touch(path: string, token: string): void {
  try {
    if (readLockHolder(path)?.owner?.token !== token) return;
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A missed heartbeat only risks being judged stale later.
  }
}

function timeoutError(path: string, holder: LockHolder, timeoutMs: number): OrchError {
  const seconds = `${Math.round(timeoutMs / 100) / 10}s`;
  const owner = holder.owner;
  if (!owner) {
    return new OrchError(
      `Timed out after ${seconds} waiting for the lock ${path}: it exists but does not say who holds it.`,
      {
        hint: `If no orch command is running, delete it: rm "${path}"`,
      },
    );
  }
  const host = owner.hostname || 'an unknown host';
  const since = owner.time ? ` since ${owner.time}` : '';
  const local = owner.hostname === hostname();
  return new OrchError(
    `Timed out after ${seconds} waiting for the lock ${path}: it is held by pid ${owner.pid} on ${host}${since}.`,
    {
      hint: local
        ? `Wait for process ${owner.pid} to finish, or stop it (kill ${owner.pid}); if it is not an orch process, the lock is left over: rm "${path}"`
        : `The holder runs on another machine; if it is no longer running there, delete the lock: rm "${path}"`,
    },
  );
}
