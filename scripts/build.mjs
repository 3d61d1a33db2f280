// Bundles the CLI with esbuild: one entry, code split so that what a commit does not
// need (YAML, Dockerfile parsing, SARIF, init) is loaded only when used. Declarations
// come from tsc. The bundle is built beside dist/ and swapped in at the end, so a test
// running meanwhile never sees a half-built dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = `dist.build-${process.pid}`;
fs.rmSync(out, { recursive: true, force: true });

try {
  const common = {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    define: { ORCH_VERSION: JSON.stringify(pkg.version) },
    // CommonJS dependencies (cosmiconfig, picomatch) call require(): give ESM one
    banner: { js: "import { createRequire as __orchRequire } from 'node:module'; const require = __orchRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // cosmiconfig loads TypeScript only for .ts configs, from the user's own install
    external: ['typescript'],
  };
  // The CLI on its own: built together with the library, the code both share would be
  // cut into many small chunks, and a commit would load dozens of files.
  const result = await build({ ...common, entryPoints: { cli: 'src/cli/entry.ts' }, outdir: out });
  await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: `${out}/lib` });
  fs.writeFileSync(`${out}/meta.json`, JSON.stringify(result.metafile));
  if (!process.argv.includes('--no-types')) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--emitDeclarationOnly', '--outDir', `${out}/types`], { stdio: 'inherit' });
  }
  // swap: rename the old dist away first so the new one appears in one step
  const old = `dist.old-${process.pid}`;
  if (fs.existsSync('dist')) fs.renameSync('dist', old);
  fs.renameSync(out, 'dist');
  fs.rmSync(old, { recursive: true, force: true });
} catch (e) {
  fs.rmSync(out, { recursive: true, force: true });
  throw e;
}
