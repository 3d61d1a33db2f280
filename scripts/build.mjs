// Bundles the CLI with esbuild. The code a commit runs is one file, dist/cli.cjs: a file
// loaded on demand costs a resolution, a read and a compile, and esbuild's code splitting
// cuts code shared between on-demand modules into dozens of small chunks. So every
// dynamic `import()` — the heavy parts: YAML and compose rules, config validation (zod),
// cosmiconfig, init and its hook-manager integrations — becomes its own self-contained
// bundle beside cli.cjs (dist/lazy-*.js, ES modules), loaded only when called. Declarations come from
// tsc. Whitespace and comments are minified away (see `readable`). The output is built beside dist/ and swapped in at the end, so a test running
// meanwhile never sees a half-built dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const readable = process.argv.includes('--readable');
const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = `dist.build-${process.pid}`;
fs.rmSync(out, { recursive: true, force: true });

/** name of a lazy bundle → what it bundles (a source file or a package) */
const lazy = new Map();
const built = new Set();

function lazyName(target) {
  const base = path.isAbsolute(target)
    ? path
        .relative('src', target)
        .replace(/\.[tj]s$/, '')
        .replace(/[\\/]/g, '-')
    : target.replace(/^@/, '').replace(/[\\/]/g, '-');
  return `lazy-${base}`;
}

// Dynamic imports become externals pointing at their own bundle, built next.
const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.path.startsWith('node:')) return undefined;
      if (common.external.includes(args.path)) return { path: args.path, external: true };
      const target = args.path.startsWith('.')
        ? path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts')
        : args.path;
      const name = lazyName(target);
      lazy.set(name, target);
      return { path: `./${name}.js`, external: true };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { ORCH_VERSION: JSON.stringify(pkg.version) },
  // CommonJS dependencies (cosmiconfig, picomatch) call require(): give ESM one
  banner: {
    js: "import { createRequire as __orchRequire } from 'node:module'; const require = __orchRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // a hook pays for parsing the bundle on every commit: white space, comments and dead
  // branches out (~25% less to parse); names stay, for ORCH_DEBUG stack traces.
  // --readable keeps the "// src/..." module markers bench/profile.mjs attributes time by.
  ...(readable ? {} : { minifyWhitespace: true, minifySyntax: true }),
  // cosmiconfig loads TypeScript only for .ts configs, from the user's own install
  external: ['typescript'],
  plugins: [lazyImports],
};

try {
  const meta = { inputs: {}, outputs: {} };
  const merge = (m) => {
    Object.assign(meta.inputs, m.inputs);
    Object.assign(meta.outputs, m.outputs);
  };
  // the CLI is CommonJS, so bin/orch.js can compile it through V8's code cache (vm.Script);
  // import.meta.url has no CommonJS equivalent but this file's own URL
  merge(
    (
      await build({
        ...common,
        format: 'cjs',
        banner: { js: "const __orchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        define: { ...common.define, 'import.meta.url': '__orchImportMetaUrl' },
        // edit-hook: the harness hooks' own small entry (src/cli/editHookEntry.ts)
        entryPoints: { cli: 'src/cli/entry.ts', 'edit-hook': 'src/cli/editHookEntry.ts' },
        outExtension: { '.js': '.cjs' },
        outdir: out,
      })
    ).metafile,
  );
  // edit-fast: the smallest of them, tried first (src/cli/editFastEntry.ts), paid for before
  // every edit: no node:url at load (createRequire, its one use of import.meta.url, takes
  // a path), and each node: module's default import is the module itself behind a
  // prototype, not a copy of its ~100 properties (__toESM below)
  merge(
    (
      await build({
        ...common,
        format: 'cjs',
        banner: {},
        define: { ...common.define, 'import.meta.url': '__filename' },
        entryPoints: { 'edit-fast': 'src/cli/editFastEntry.ts' },
        outExtension: { '.js': '.cjs' },
        outdir: out,
      })
    ).metafile,
  );
  // Its lazy bundles stay ES modules. import() inside code compiled by vm.Script needs an
  // experimental loader option (and loses it when the code comes from the cache), so the
  // CLI asks bin/orch.js to import them: every import() esbuild wrote is one of them.
  for (const cliFile of [`${out}/cli.cjs`, `${out}/edit-hook.cjs`, `${out}/edit-fast.cjs`]) {
    const cliText = fs.readFileSync(cliFile, 'utf8');
    let routed = cliText.replaceAll('import("./lazy-', 'globalThis.__orchImport("./lazy-');
    if (routed.includes('import(')) {
      throw new Error(`build: ${cliFile} has an import() that is not a lazy bundle; route it through __orchImport`);
    }
    // esbuild's __toESM gives every source module that default-imports node:fs or node:path
    // its own copy of the module object (some 40 copies of ~100 properties each: ~5 ms a
    // commit). The copies are read-only views of the same module: one per module suffices.
    const helper = /var __toESM ?= ?/;
    if (!helper.test(routed)) throw new Error(`build: esbuild's __toESM helper was not found in ${cliFile}`);
    routed = routed.replace(
      helper,
      'var __toESMOnce = new WeakMap(), __toESM = (mod, isNodeMode, target) => { if (target !== undefined || mod === null || (typeof mod !== "object" && typeof mod !== "function")) return __toESMEach(mod, isNodeMode, target); let views = __toESMOnce.get(mod); if (!views) __toESMOnce.set(mod, (views = [])); return (views[isNodeMode ? 1 : 0] ??= __toESMEach(mod, isNodeMode)); };\nvar __toESMEach = ',
    );
    fs.writeFileSync(cliFile, routed);
  }
  const fastFile = `${out}/edit-fast.cjs`;
  const fastText = fs.readFileSync(fastFile, 'utf8');
  if (/\brequire\("(?!node:)/.test(fastText))
    throw new Error('build: edit-fast.cjs requires a package; it may require node: modules only');
  fs.writeFileSync(
    fastFile,
    fastText.replace(
      /var __toESMEach = /,
      'var __toESMEach = (mod, isNodeMode, target) => mod !== null && typeof mod === "object" && isNodeMode && target === undefined ? Object.create(mod, { default: { value: mod, enumerable: true } }) : __toESMCopy(mod, isNodeMode, target), __toESMCopy = ',
    ),
  );
  merge((await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: out })).metafile);
  // the configuration loader reads YAML synchronously (require): the package ships it as
  // CommonJS beside cli.cjs, since an installed orch has no node_modules of its own
  merge(
    (
      await build({
        ...common,
        format: 'cjs',
        banner: {},
        entryPoints: { yaml: 'yaml' },
        outExtension: { '.js': '.cjs' },
        outdir: out,
      })
    ).metafile,
  );
  // lazy bundles may import lazily themselves: build until none is left
  for (;;) {
    const todo = [...lazy].filter(([name]) => !built.has(name));
    if (todo.length === 0) break;
    for (const [name, target] of todo) {
      built.add(name);
      merge((await build({ ...common, entryPoints: { [name]: target }, outdir: out })).metafile);
    }
  }
  fs.writeFileSync(`${out}/meta.json`, JSON.stringify(meta));
  if (!process.argv.includes('--no-types')) {
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '--emitDeclarationOnly', '--outDir', `${out}/types`],
      { stdio: 'inherit' },
    );
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
