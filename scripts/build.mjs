// Bundles the CLI with esbuild: one entry, code split so that what a commit does not
// need (YAML, Dockerfile parsing, SARIF, init) is loaded only when used. Declarations
// come from tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
fs.rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/entry.ts', index: 'src/index.ts' },
  outdir: 'dist',
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
}).then((r) => fs.writeFileSync('dist/meta.json', JSON.stringify(r.metafile)));

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--emitDeclarationOnly', '--outDir', 'dist/types'], { stdio: 'inherit' });
}
