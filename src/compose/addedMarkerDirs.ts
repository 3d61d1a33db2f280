import type { FileChange } from '../types.js';
import { isServiceMarker } from './isServiceMarker.js';

/** Directories that gain a service marker in `files`, each with the marker paths added. Never the repository root. */
export function addedMarkerDirs(files: readonly FileChange[]): Map<string, string[]> {
  const dirs = new Map<string, string[]>();
  for (const f of files) {
    if (f.submodule || (f.status !== 'A' && f.status !== 'C' && f.status !== 'R')) continue;
    if (!isServiceMarker(f.path)) continue;
    const slash = f.path.lastIndexOf('/');
    if (slash === -1) continue;
    const dir = f.path.slice(0, slash);
    const list = dirs.get(dir);
    if (list) list.push(f.path);
    else dirs.set(dir, [f.path]);
  }
  return dirs;
}
