// Replaces a file's content all at once: readers (and a crash or SIGKILL at any moment)
// see the old content or the new, never a mix. The text goes to a temporary file in the
// same directory (so rename stays on one file system), is fsynced, and is renamed over
// the target. Hand-written rather than write-file-atomic: no import cost on the hook path.
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
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

export async function atomicWrite(path: string, text: string): Promise<void> {
  const { target, existing } = prepare(path);
  const tmp = tempName(target);
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
    await rename(tmp, target);
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw fsWriteError(e, path);
  }
}

export function atomicWriteSync(path: string, text: string): void {
  const { target, existing } = prepare(path);
  const tmp = tempName(target);
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

function tempName(target: string): string {
  counter = (counter + 1) % 1e9;
  const unique = `${process.pid}.${counter}.${Math.random().toString(36).slice(2, 8)}`;
  return join(dirname(target), `.${basename(target)}.${unique}.tmp`);
}

// Root writing someone else's file hands it back to its owner instead of taking it over.
function needsChown(existing: Stats): boolean {
  return process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0);
}
