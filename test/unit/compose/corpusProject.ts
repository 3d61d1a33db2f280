// Loads one corpus project from test/fixtures/compose as literal files: its compose files
// and .env as written, and a one-line Dockerfile at every path DOCKERFILES.txt lists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/compose/', import.meta.url));
export const PROJECTS = ['example-voting-app', 'opentelemetry-demo', 'robot-shop'] as const;

export interface CorpusProject {
  name: string;
  /** Compose files and .env files: path → text. */
  texts: Record<string, string>;
  dockerfiles: string[];
  /** texts plus a Dockerfile stub at each listed path. */
  files: Record<string, string>;
}

export function loadProject(name: string): CorpusProject {
  const root = join(FIXTURES, name);
  const texts: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry) || entry === '.env')
        texts[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  const dockerfiles = readFileSync(join(root, 'DOCKERFILES.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const files = { ...texts };
  for (const d of dockerfiles) files[d] = 'FROM scratch\n';
  return { name, texts, dockerfiles, files };
}
