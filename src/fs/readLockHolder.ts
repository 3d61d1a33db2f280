// Who holds a lock file (see withFileLock): its recorded owner, when the file says,
// and an identity for this incarnation of the file, so a later step can tell whether
// the lock it judged is still the one there.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { fsWriteError } from './fsWriteError.js';

export interface LockOwner {
  pid: number;
  hostname: string;
  time: string;
  token: string;
}

export interface LockHolder {
  /** Undefined while its creator is between open and write, or when the content is not ours. */
  owner: LockOwner | undefined;
  mtimeMs: number;
  /** The owner's token, or for an unreadable file its inode, mtime and size. */
  key: string;
}

/** The holder of the lock file at `path`; null when there is no lock file. */
export function readLockHolder(path: string): LockHolder | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsWriteError(e, path);
  }
  try {
    // Stat and content through one descriptor: both describe the same file.
    const st = fstatSync(fd);
    const owner = parseOwner(readFileSync(fd, 'utf8'));
    return { owner, mtimeMs: st.mtimeMs, key: owner?.token ?? `i${st.ino}-${st.mtimeMs}-${st.size}` };
  } finally {
    closeSync(fd);
  }
}

function parseOwner(text: string): LockOwner | undefined {
  let v: Partial<LockOwner>;
  try {
    v = JSON.parse(text) as Partial<LockOwner>;
  } catch {
    return undefined;
  }
  // pid 0 or negative would make kill(pid, 0) probe a whole process group.
  if (v === null || typeof v !== 'object' || !Number.isInteger(v.pid) || (v.pid as number) <= 0) return undefined;
  return {
    pid: v.pid as number,
    hostname: typeof v.hostname === 'string' ? v.hostname : '',
    time: typeof v.time === 'string' ? v.time : '',
    token: typeof v.token === 'string' && v.token !== '' ? v.token : `pid${v.pid}-${String(v.time)}`,
  };
}
