// A shallow clone records the commits whose parents it does not have in `<git dir>/shallow`
// (what `git rev-parse --is-shallow-repository` looks at). Reading the file costs no process.
import fs from 'node:fs';
import path from 'node:path';

/** The boundary commits of a shallow clone; null when the repository is complete. */
export function shallowCommits(commonDir: string): Set<string> | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(commonDir, 'shallow'), 'utf8');
  } catch {
    return null;
  }
  const shas = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return shas.length ? new Set(shas) : null;
}
