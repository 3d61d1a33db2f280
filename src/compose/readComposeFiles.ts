import type { ChangeSet } from '../types.js';
import type { ComposeFile } from './composeTypes.js';
import { readComposeAt } from './readComposeAt.js';

/**
 * Reads the compose files at `paths` on `side`, and the files their top-level `include`
 * names (which need not have a compose file's name). Absent files are left out.
 */
export async function readComposeFiles(
  changes: ChangeSet,
  paths: readonly string[],
  side: 'old' | 'new',
): Promise<ComposeFile[]> {
  const seen = new Set<string>();
  const out: ComposeFile[] = [];
  let wave = [...new Set(paths)];
  // Includes are followed a few levels deep; cycles stop at files already read.
  for (let depth = 0; wave.length > 0 && depth < 4; depth++) {
    for (const p of wave) seen.add(p);
    const read = await Promise.all(wave.map((p) => readComposeAt(changes, p, side)));
    const next: string[] = [];
    for (const file of read) {
      if (!file) continue;
      out.push(file);
      for (const inc of file.includes) if (!seen.has(inc)) next.push(inc);
    }
    wave = [...new Set(next)];
  }
  return out;
}
