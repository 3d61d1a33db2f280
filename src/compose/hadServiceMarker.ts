import type { ChangeSet } from '../types.js';
import { isServiceMarker, MARKER_NAMES } from './isServiceMarker.js';

/**
 * Whether `dir` held a service marker before the change. Cheap answers first: a
 * directory that did not exist had none; exact names are probed one by one; only
 * patterns (`*.csproj`, `Dockerfile.*`) need the full listing of the old side.
 */
export async function hadServiceMarker(changes: ChangeSet, dir: string): Promise<boolean> {
  const isDirectChild = (p: string | undefined) => p?.startsWith(dir + '/') && !p.slice(dir.length + 1).includes('/');
  for (const f of changes.files) {
    if (f.status === 'D' && isDirectChild(f.path) && isServiceMarker(f.path)) return true;
    if (isDirectChild(f.oldPath) && isServiceMarker(f.oldPath!)) return true;
    if (f.status === 'M' && isDirectChild(f.path) && isServiceMarker(f.path)) return true;
  }
  if (!(await changes.exists(dir, 'old'))) return false;
  const probes = await Promise.all(MARKER_NAMES.map((name) => changes.exists(`${dir}/${name}`, 'old')));
  if (probes.some(Boolean)) return true;
  const old = await changes.listFiles('old');
  return old.some((p) => isDirectChild(p) && isServiceMarker(p));
}
