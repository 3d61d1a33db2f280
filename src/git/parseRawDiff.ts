// Parses `git diff --raw -z` (and diff-tree/diff-index/log --raw -z) output.
// With -z, paths are never quoted; a rename or copy carries two paths (old, then new).
import type { ChangeStatus, FileChange } from '../types.js';
import { isZeroSha } from './isZeroSha.js';

const GITLINK = '160000';

export function parseRawDiff(out: string): FileChange[] {
  const parts = out.split('\0');
  const files: FileChange[] = [];
  let i = 0;
  while (i < parts.length) {
    const head = parts[i];
    if (head?.[0] !== ':') {
      i++;
      continue;
    }
    // ":100644 100644 <sha> <sha> M" (a combined diff has more colons and modes; see parseCombinedRaw)
    const fields = head.slice(1).split(' ');
    const oldMode = fields[0];
    const newMode = fields[1];
    const statusField = fields[fields.length - 1];
    const letter = statusField[0] as ChangeStatus;
    const submodule = oldMode === GITLINK || newMode === GITLINK || undefined;
    const ids = blobIds(fields[2], fields[3]);
    if (letter === 'R' || letter === 'C') {
      const from = parts[i + 1];
      const to = parts[i + 2];
      files.push({ status: letter, path: to, oldPath: from, ...(submodule ? { submodule } : {}), ...ids });
      i += 3;
    } else {
      files.push({ status: letter, path: parts[i + 1], ...(submodule ? { submodule } : {}), ...ids });
      i += 2;
    }
  }
  return files;
}

/** The object ids a raw diff entry names, leaving out git's zeros (no object, or a working tree file not hashed). */
export function blobIds(oldId: string | undefined, newId: string | undefined): Pick<FileChange, 'oldBlob' | 'newBlob'> {
  return {
    ...(oldId && !isZeroSha(oldId) ? { oldBlob: oldId } : {}),
    ...(newId && !isZeroSha(newId) ? { newBlob: newId } : {}),
  };
}
