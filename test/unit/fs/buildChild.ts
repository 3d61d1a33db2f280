// Bundles child.ts into one .mjs file that plain `node` runs in ~50 ms (tsx would add
// hundreds of milliseconds per child).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function buildChild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'orch-fs-child-'));
  // Readable by other users: some tests run the child as "nobody".
  chmodSync(dir, 0o755);
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // Only YAML and JS configurations load it, and those tests run in-process.
    external: ['cosmiconfig'],
  });
  chmodSync(outfile, 0o644);
  return outfile;
}
