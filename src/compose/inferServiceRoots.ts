import picomatch from 'picomatch';
import { buildServiceDir } from './buildServiceDir.js';
import type { ComposeFile } from './composeTypes.js';

/**
 * Where services live when `services.roots` is not configured: the parents of the
 * directories compose files already build, as globs (`src/ad` → `src/*`, `vote` → `*`).
 * A parent that is a service's own layout is not a root: one inside a built directory
 * (`result/tests` beside `result`), or one that a better supported root already counts
 * as a service (`src/cart/src` where `src/*` holds twenty services).
 */
export function inferServiceRoots(files: readonly ComposeFile[]): string[] {
  const built = new Set<string>();
  for (const file of files)
    for (const service of file.services) {
      const dir = service.build ? buildServiceDir(file, service.build) : null;
      if (dir !== null) built.add(dir);
    }
  const support = new Map<string, number>();
  for (const dir of built) {
    const parent = parentOf(dir);
    support.set(parent, (support.get(parent) ?? 0) + 1);
  }
  const roots = [...support.keys()].map((p) => ({
    parent: p,
    glob: p === '' ? '*' : `${escapeGlob(p)}/*`,
    count: support.get(p)!,
  }));
  const tests = roots.map((r) => ({ ...r, test: picomatch(r.glob, { dot: true }) }));
  return roots
    .filter(({ parent, count }) => {
      const above = ancestors(parent);
      if (above.some((a) => built.has(a))) return false;
      return !tests.some((other) => other.parent !== parent && other.count > count && above.some((a) => other.test(a)));
    })
    .map((r) => r.glob)
    .sort();
}

function parentOf(dir: string): string {
  return dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
}

/** `p` and every directory above it, deepest first ('' excluded). */
function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let cur = p; cur !== ''; cur = parentOf(cur)) out.push(cur);
  return out;
}

function escapeGlob(p: string): string {
  return p.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
