import { buildServiceDir } from './buildServiceDir.js';
import type { ComposeFile } from './composeTypes.js';

const PLAIN = /^(?:docker-compose|compose)\.ya?ml$/;

/**
 * The compose file a new service in `dir` belongs in: the one that already builds most of
 * its siblings, else a plainly named one nearest the root, else `docker-compose.yml`.
 */
export function suggestComposeFile(files: readonly ComposeFile[], dir: string): string {
  const parentOf = (d: string) => (d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '');
  const parent = parentOf(dir);
  const usable = files.filter((f) => f.errors.length === 0);
  const depth = (f: ComposeFile) => (f.file.match(/\//g) ?? []).length;
  const base = (f: ComposeFile) => f.file.slice(f.file.lastIndexOf('/') + 1);
  const scored = usable.map((f) => ({
    f,
    siblings: f.services.filter((s) => {
      const d = s.build ? buildServiceDir(f, s.build) : null;
      return d !== null && parentOf(d) === parent;
    }).length,
  }));
  scored.sort(
    (a, b) =>
      b.siblings - a.siblings ||
      Number(PLAIN.test(base(b.f))) - Number(PLAIN.test(base(a.f))) ||
      depth(a.f) - depth(b.f) ||
      a.f.file.localeCompare(b.f.file),
  );
  return scored[0]?.f.file ?? 'docker-compose.yml';
}
