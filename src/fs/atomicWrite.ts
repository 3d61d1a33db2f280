// Replaces a file's content all at once: readers (and a crash or SIGKILL at any moment)
// see the old content or the new, never a mix. The text goes to a temporary file, is
// fsynced, and is renamed over the target. Files in a working tree get their temporary
// file in `tmpDir` (under the git dir), where a user's `git add -A` cannot take one a
// killed process left behind; such leftovers are removed by the next write. Hand-written
// rather than write-file-atomic: no import cost on the hook path.
import { isAlive } from './isAlive.js';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fsWriteError } from './fsWriteError.js';

let counter = 0;

export interface AtomicWriteOptions {
  /** Where the temporary file goes (same file system as the target); beside it when absent. */
  tmpDir?: string;
}

export async function atomicWrite(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const { target, existing } = prepare(path);
  const tmp = tempName(target, options.tmpDir);
  let created = false;
  try {
    const handle = await open(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      if (existing) {
        if (needsChown(existing)) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
        // open() applied the umask; and chown, which clears set-id bits, came first.
        await handle.chmod(existing.mode & 0o7777);
      }
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV' || !options.tmpDir) throw e;
      // the git dir is on another file system: only a temporary file beside the target renames
      await unlink(tmp).catch(() => undefined);
      created = false;
      await atomicWrite(path, text);
    });
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw fsWriteError(e, path);
  }
}

export function atomicWriteSync(path: string, text: string): void {
  const { target, existing } = prepare(path);
  const tmp = tempName(target, undefined);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      if (existing) {
        if (needsChown(existing)) {
          try {
            fchownSync(fd, existing.uid, existing.gid);
          } catch {
            // Best effort (user namespaces may refuse); the content matters more.
          }
        }
        // open() applied the umask; and chown, which clears set-id bits, came first.
        fchmodSync(fd, existing.mode & 0o7777);
      }
      writeFileSync(fd, text, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone, or the directory became unwritable: nothing more to do.
      }
    }
    throw fsWriteError(e, path);
  }
}

// Writing through a symlink must update the file it points at, not replace the link.
function prepare(path: string): { target: string; existing: Stats | undefined } {
  let target: string;
  try {
    target = realpathSync.native(path);
  } catch {
    target = resolve(path);
  }
  let existing: Stats | undefined;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw fsWriteError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path);
  return { target, existing };
}

function tempName(target: string, tmpDir: string | undefined): string {
  counter = (counter + 1) % 1e9;
  const unique = `${process.pid}.${counter}.${Math.random().toString(36).slice(2, 8)}`;
  const name = basename(target);
  // earlier temporary files of this target whose writer is gone (killed mid-write)
  removeLeftovers(dirname(target), `.${name}.`);
  if (!tmpDir) return join(dirname(target), `.${name}.${unique}.tmp`);
  mkdirSync(tmpDir, { recursive: true });
  removeLeftovers(tmpDir, `${name}.`);
  return join(tmpDir, `${name}.${unique}.tmp`);
}

const LEFTOVER = /^\.(\d+)\.\d+\.[0-9a-z]*\.tmp$/;

function removeLeftovers(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const m = LEFTOVER.exec(n.slice(prefix.length - 1));
    if (!m || isAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, n));
    } catch {
      // another run removed it first, or the directory is read-only: nothing to do
    }
  }
}

// Root writing someone else's file hands it back to its owner instead of taking it over.
function needsChown(existing: Stats): boolean {
  return process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0);
}
