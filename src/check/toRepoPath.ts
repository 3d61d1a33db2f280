// Turns a path a user typed (relative to where they stand, or absolute as lint-staged
// passes) into the repository-relative, forward-slash form that locks and findings use.
// Anything that leaves the repository — `../x`, an absolute path elsewhere, a path
// through a symlink that points outside — is refused.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';

export function toRepoPath(arg: string, cwd: string, top: string): string {
  if (arg.includes('\0')) throw new OrchError(`path contains a NUL byte: ${JSON.stringify(arg)}`);
  const trailingSlash = /[\\/]$/.test(arg);
  const native = arg.replace(/\\/g, '/');
  const abs = path.resolve(cwd, native);
  const rel = path.relative(top, abs);
  if (rel === '') {
    if (trailingSlash || native === '.') return '';
  }
  if (leaves(rel)) {
    throw new OrchError(`${arg} is outside the repository (${top}).`, {
      hint: 'Locks and checks take paths inside the repository, relative to where you are or absolute.',
    });
  }
  assertNoSymlinkEscape(arg, abs, top);
  const posix = rel.split(path.sep).join('/');
  return trailingSlash && posix ? posix + '/' : posix;
}

/** The deepest existing ancestor of `abs`, resolved through symlinks, must stay inside `top`. */
function assertNoSymlinkEscape(arg: string, abs: string, top: string): void {
  let realTop: string;
  try {
    realTop = fs.realpathSync(top);
  } catch {
    return;
  }
  let probe = abs;
  // a link named as itself is a path in the repository (git tracks the link, not its
  // target): only the directories leading to it must stay inside
  try {
    if (fs.lstatSync(abs).isSymbolicLink()) probe = path.dirname(abs);
  } catch {
    // missing: the loop below finds the deepest part that exists
  }
  for (;;) {
    let real: string | undefined;
    try {
      real = fs.realpathSync(probe);
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) return;
      probe = parent;
      continue;
    }
    const rel = path.relative(realTop, real);
    if (leaves(rel)) {
      throw new OrchError(`${arg} leads outside the repository through a symbolic link (${probe} → ${real}).`, {
        hint: 'Lock the path inside the repository, not through a link that points elsewhere.',
      });
    }
    return;
  }
}

/** A relative path that climbs out (`..`, `../x`), not one whose name starts with dots (`..x`). */
function leaves(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}
