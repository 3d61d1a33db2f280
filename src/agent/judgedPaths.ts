// The repository paths an edit changes (see guardCore.ts: links). On its own so that the
// edit hooks' smallest bundle (src/cli/editFastEntry.ts) judges paths exactly as the
// guard does without loading the rules.
import fs from 'node:fs';
import path from 'node:path';
import { toRepoPath } from '../check/toRepoPath.js';

/** The repository paths an edit of `p` changes: as written and, through links, as resolved. */
export function judgedPaths(p: string, cwd: string, top: string): string[] {
  const rel = toRepoPath(p, cwd, top);
  if (rel === '' || rel === '.git' || rel.startsWith('.git/')) return [];
  const resolved = resolveInside(path.join(top, rel), top);
  return resolved && resolved !== rel && !resolved.startsWith('.git/') ? [rel, resolved] : [rel];
}

/** The repository-relative path `abs` leads to through symbolic links, or null if it leaves. */
function resolveInside(abs: string, top: string): string | null {
  let realTop: string;
  try {
    realTop = fs.realpathSync(top);
  } catch {
    return null;
  }
  // the deepest part that exists, resolved; the rest (a file about to be created) appended
  let probe = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = fs.realpathSync(probe);
      const rel = path.relative(realTop, path.join(real, ...rest));
      if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
      return rel.split(path.sep).join('/');
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) return null;
      rest.unshift(path.basename(probe));
      probe = parent;
    }
  }
}
