// Where a configuration's "$schema" should point so that it names a file that exists: the
// project's own install (./node_modules/orchguard/schema.json, or a monorepo package's),
// else the schema of the orch that is running (a global install), by absolute path.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @param top  the repository's top directory (the configuration's directory)
 * @param binHints  where orch is installed in the repository (node_modules/.bin/orch paths)
 */
export function schemaPathFor(top: string, binHints: readonly string[] = []): string | null {
  const local = ['node_modules/.bin/orch', ...binHints].map((b) =>
    b.replace(/node_modules\/\.bin\/orch$/, 'node_modules/orchguard/schema.json'),
  );
  for (const rel of new Set(local)) if (fs.existsSync(path.join(top, rel))) return `./${rel}`;
  return runningSchema();
}

/** The schema.json of the package this code runs from (dist/ or src/…, a few levels up). */
function runningSchema(): string | null {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'schema.json');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'package.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}
