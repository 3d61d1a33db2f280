// What identifies the content of git's index file: its size and the SHA-1 git writes over
// it as its last 20 bytes. Two equal stamps mean the same index — a staged entry read
// between them is still what the index holds — without reading the index. Null when the
// file is missing or carries no checksum (index.skipHash writes zeros).
import fs from 'node:fs';
import path from 'node:path';

/** The index a git process in `cwd` with this environment uses. */
export function indexFileOf(gitDir: string, cwd: string, env: NodeJS.ProcessEnv): string {
  return env.GIT_INDEX_FILE ? path.resolve(cwd, env.GIT_INDEX_FILE) : path.join(gitDir, 'index');
}

export function indexStamp(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const { size, ino } = fs.fstatSync(fd);
    if (size < 32) return null;
    const tail = Buffer.alloc(20);
    fs.readSync(fd, tail, 0, 20, size - 20);
    if (tail.every((b) => b === 0)) return null;
    return `${ino}:${size}:${tail.toString('hex')}`;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
