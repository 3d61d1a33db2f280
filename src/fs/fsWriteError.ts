// File-system failures a user can fix (permissions, a read-only or full disk, a
// directory in the way) become OrchErrors that name the file and what to do. Anything
// else is returned unchanged: it is not the user's to fix.
import { dirname } from 'node:path';
import { OrchError } from '../errors.js';

export function fsWriteError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const dir = dirname(file);
  const fail = (what: string, hint: string) => new OrchError(`Cannot write ${file}: ${what}.`, { hint, cause: error });
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return fail(
        `permission denied (${code})`,
        `Check that you may write to ${dir} and to the file itself (ls -ld "${dir}" "${file}").`,
      );
    case 'EROFS':
      return fail(
        'the file system is read-only',
        `Run the command in a writable checkout, or remount the file system that holds ${dir} read-write.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return fail(
        code === 'EDQUOT' ? 'the disk quota is exhausted' : 'no space left on the device',
        `Free some space (df -h "${dir}") and run the command again.`,
      );
    case 'EISDIR':
      return fail('a directory is in the way', `Move or delete the directory ${file}; it must be a file.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return fail('its directory does not exist', `Create ${dir} (mkdir -p "${dir}") or check the path.`);
    default:
      return error;
  }
}
