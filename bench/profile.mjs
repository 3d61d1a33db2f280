// Where a hook's time goes: runs orch's pre-commit of a scenario (S3: the range check)
// and prints when main() is called (the cost of importing the bundle, measured without
// the profiler), then, under `node --cpu-prof`, the functions and source modules with the
// most self time; and, from a traced run, which files of dist/ a plain pre-commit loads
// (with the packages bundled into them) and every git process orch starts.
//
//   node bench/profile.mjs [S1|S1x2files|S1x2locks|S2|S3] [--runs N] [--top N] [--interval µs]
//   node bench/profile.mjs --from bench/.work/profiles/S1-…   (analyse earlier runs again)
//
// The .cpuprofile files stay in bench/.work/profiles/ for Chrome DevTools or speedscope.
// Time is attributed to source modules by the "// src/…" markers of a readable build
// (`npm run build -- --readable`); the default build is minified and shows bundle lines.
import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS, commitOnce, openScenario, rangeOnce, resetCommit, verifyCommit } from './scenarios.mjs';
import { ORCH_BIN, ORCH_HOME, WORK, parseArgs, writeExecutable } from './util.mjs';

const a = parseArgs(process.argv.slice(2), { runs: 'number', top: 'number', interval: 'number', from: 'string' });
const name = a.from ? path.basename(a.from).split('-')[0] : (a._[0] ?? 'S1');
const top = a.top ?? 25;
const interval = a.interval ?? 200;
const say = (s) => process.stderr.write(s + '\n');

const sc = SCENARIOS[name];
if (!sc) throw new Error(`unknown scenario ${name}`);
let profDir;
let wall = [];
let plain = [];
let st = null;
let traceFile;
if (a.from) {
  profDir = path.resolve(a.from);
  traceFile = path.join(profDir, 'loads.jsonl');
  const td = path.join(profDir, 'unprofiled');
  if (fs.existsSync(td)) plain = fs.readdirSync(td).map((f) => JSON.parse(fs.readFileSync(path.join(td, f), 'utf8')));
  if (sc.kind === 'range') st = { command: { label: 'range check' } };
} else {
  ({ profDir, wall, plain, st, traceFile } = await measure());
}

async function measure() {
  const { st } = await openScenario(name);
  const runs = a.runs ?? (sc.kind === 'commit' && sc.staged <= 100 ? 3 : 1);
  const profDir = path.join(WORK, 'profiles', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(profDir, { recursive: true });
  const preload = (f) => JSON.stringify('file://' + path.join(import.meta.dirname, 'preload', f));
  const profBin = path.join(WORK, 'bin-prof', 'orch');
  const traceBin = path.join(WORK, 'bin-trace', 'orch');
  fs.mkdirSync(path.dirname(profBin), { recursive: true });
  fs.mkdirSync(path.dirname(traceBin), { recursive: true });
  writeExecutable(
    profBin,
    `#!/bin/sh\nexec node --cpu-prof --cpu-prof-dir="$ORCH_BENCH_PROF_DIR" --cpu-prof-interval=${interval} --import ${preload('timing.mjs')} ${JSON.stringify(ORCH_BIN)} "$@"\n`,
  );
  const timingBin = path.join(WORK, 'bin-timing', 'orch');
  fs.mkdirSync(path.dirname(timingBin), { recursive: true });
  writeExecutable(
    timingBin,
    `#!/bin/sh\nexec node --import ${preload('timing.mjs')} ${JSON.stringify(ORCH_BIN)} "$@"\n`,
  );
  writeExecutable(
    traceBin,
    `#!/bin/sh\nexec node --import ${preload('trace-loads.mjs')} ${JSON.stringify(ORCH_BIN)} "$@"\n`,
  );

  /** One orch run of the scenario with `bin` standing in for orch. */
  function once(bin, env) {
    if (sc.kind === 'commit') {
      resetCommit(st);
      const r = commitOnce(st, 'orch', { ORCH_BIN: bin, ...env });
      verifyCommit(st, 'orch', r);
      return r;
    }
    if (!st.command) throw new Error('S3 is pending: this orch has neither `orch ci` nor `orch check --range`');
    const r = rangeOnce(st, 'orch', { bin, env });
    if (r.code > 1) throw new Error(`${st.command.label} failed (exit ${r.code}): ${r.stderr}`);
    return r;
  }

  say(`profile ${name}: ${sc.title}; ${runs} run(s), sampling every ${interval} µs`);
  if (sc.kind === 'commit') once(path.join(WORK, 'bin', 'orch'), {}); // warm the file cache
  const timingDir = path.join(profDir, 'unprofiled');
  fs.mkdirSync(timingDir);
  const wall = [];
  for (let i = 0; i < runs; i++) {
    once(timingBin, { ORCH_BENCH_PROF_DIR: timingDir });
    wall.push(once(profBin, { ORCH_BENCH_PROF_DIR: profDir }).ms);
  }
  const plain = fs.readdirSync(timingDir).map((f) => JSON.parse(fs.readFileSync(path.join(timingDir, f), 'utf8')));
  const traceFile = path.join(profDir, 'loads.jsonl');
  once(traceBin, { ORCH_BENCH_TRACE: traceFile });
  if (sc.kind === 'commit') resetCommit(st);

  return { profDir, wall, plain, st, traceFile };
}

const profiles = fs
  .readdirSync(profDir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => path.join(profDir, f));
const timings = fs
  .readdirSync(profDir)
  .filter((f) => f.startsWith('timing-'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(profDir, f), 'utf8')));
if (!profiles.length) throw new Error(`no .cpuprofile written to ${profDir}`);

// ---------------------------------------------------------------------------------------
// Source modules inside the bundle: esbuild writes "// src/x/y.ts" before each module.

const moduleLines = new Map();
function modulesOf(file) {
  if (!moduleLines.has(file)) {
    const marks = [];
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // not a file we can read
    }
    text.split('\n').forEach((l, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(l);
      if (m) marks.push([i, m[1]]);
    });
    moduleLines.set(file, marks);
  }
  return moduleLines.get(file);
}
let warnedMinified = false;
function sourceOf(url, line) {
  if (!url) return null;
  // dist/cli.cjs is compiled by bin/orch.js through vm.Script: its url is a plain path
  if (!url.startsWith('file://') && !url.startsWith('/')) return url.startsWith('node:') ? 'node internals' : url;
  const file = url.startsWith('/') ? url : url.slice('file://'.length);
  const marks = modulesOf(file);
  if (!marks.length && file.endsWith('/cli.cjs') && !warnedMinified) {
    warnedMinified = true;
    say(
      'profile: dist/cli.cjs is minified (no module markers); for source modules build with `npm run build -- --readable`',
    );
  }
  let found = null;
  for (const [l, m] of marks) {
    if (l > line) break;
    found = m;
  }
  return found ?? path.relative(ORCH_HOME, file);
}
const pkgOf = (mod) => {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(mod ?? '');
  return m ? `node_modules/${m[1]}` : mod;
};
const distName = (url) =>
  url.startsWith('file://' + ORCH_HOME)
    ? path.relative(path.join(ORCH_HOME, 'dist'), url.slice(7))
    : url.startsWith(ORCH_HOME)
      ? path.relative(path.join(ORCH_HOME, 'dist'), url)
      : url;

// ---------------------------------------------------------------------------------------
// Profiles

const fnSelf = new Map();
const modSelf = new Map();
const ownSelf = new Map();
const activity = new Map();

/** What a sample was doing, judged from its whole stack; the first match wins. */
const ACTIVITIES = [
  ['loading modules (ESM resolve, read, compile)', (f) => f.url.startsWith('node:internal/modules/')],
  [
    'starting git and reading its output',
    (_f, src) => f.url.includes('child_process') || src === 'src/git/runGit.ts' || src === 'src/git/blobReader.ts',
  ],
  ['glob matching (picomatch)', (_f, src) => src?.startsWith('node_modules/picomatch')],
  [
    'recording (Log entry, index, status write)',
    (_f, src) =>
      /^src\/(record\/(recordCommit|archiveLog)|store\/updateStatus|fs\/|status\/(appendLog|addReview|applyEdits))/.test(
        src ?? '',
      ),
  ],
  ['reading WORK_STATUS.md', (_f, src) => /^src\/(status\/|store\/loadStatus|text\/logEntries)/.test(src ?? '')],
  ['configuration', (_f, src) => src?.startsWith('src/config/') || src?.startsWith('node_modules/zod')],
  [
    'rules',
    (_f, src) =>
      src?.startsWith('src/rules/') ||
      src?.startsWith('src/locks/') ||
      src?.startsWith('src/match/') ||
      src?.startsWith('src/text/') ||
      src?.startsWith('src/compose/'),
  ],
  ['other orch code', (_f, src) => src?.startsWith('src/') || src?.startsWith('node_modules/')],
];
const phase = [];
let totalUs = 0;
for (const file of profiles) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile
  const pid = Number(path.basename(file).split('.')[3]);
  const timing = timings.find((t) => t.pid === pid) ?? null;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isMain = (n) =>
    n.callFrame.functionName === 'main' && sourceOf(n.callFrame.url, n.callFrame.lineNumber) === 'src/cli/main.ts';
  const underMain = new Map();
  const inMain = (id) => {
    if (underMain.has(id)) return underMain.get(id);
    const n = byId.get(id);
    const v = isMain(n) || (parent.has(id) ? inMain(parent.get(id)) : false);
    underMain.set(id, v);
    return v;
  };
  // the innermost frame of orch's own code (or a bundled package) on the stack: node
  // internals and module loading are charged to the orch function that caused them
  const ownerMemo = new Map();
  const ownerOf = (id) => {
    if (ownerMemo.has(id)) return ownerMemo.get(id);
    const n = byId.get(id);
    const src = sourceOf(n.callFrame.url, n.callFrame.lineNumber);
    let v;
    if (src && (src.startsWith('src/') || src.startsWith('node_modules/')))
      v = `${n.callFrame.functionName || '(anonymous)'} @ ${src.startsWith('node_modules/') ? pkgOf(src) : src}`;
    else if (parent.has(id) && byId.get(parent.get(id)).callFrame.functionName !== '(root)')
      v = ownerOf(parent.get(id));
    else if (['(garbage collector)', '(program)'].includes(n.callFrame.functionName)) v = n.callFrame.functionName;
    else v = '(outside orch code: bootstrap, static imports, event loop)';
    ownerMemo.set(id, v);
    return v;
  };
  const actMemo = new Map();
  const activityOf = (id) => {
    if (actMemo.has(id)) return actMemo.get(id);
    const leaf = byId.get(id).callFrame.functionName;
    let v = null;
    if (leaf === '(garbage collector)' || leaf === '(program)') v = leaf;
    else {
      const stack = [];
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur).callFrame);
      for (const [label, test] of ACTIVITIES) {
        if (stack.some((f) => test(f, sourceOf(f.url, f.lineNumber)))) {
          v = label;
          break;
        }
      }
      v ??= 'Node.js itself (bootstrap, event loop)';
    }
    actMemo.set(id, v);
    return v;
  };
  const times = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) times.push((t += d));
  let firstMain = null;
  let beforeMainUs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dur = (i + 1 < times.length ? times[i + 1] : p.endTime) - times[i];
    const n = byId.get(p.samples[i]);
    const cf = n.callFrame;
    if (firstMain === null && inMain(n.id)) firstMain = times[i];
    if (firstMain === null) beforeMainUs += dur;
    if (cf.functionName === '(idle)') continue;
    totalUs += dur;
    const src = sourceOf(cf.url, cf.lineNumber) ?? cf.functionName;
    const key = `${cf.functionName || '(anonymous)'}\0${src}\0${cf.url ? `${distName(cf.url)}:${cf.lineNumber + 1}` : ''}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + dur);
    const mod = pkgOf(src);
    modSelf.set(mod, (modSelf.get(mod) ?? 0) + dur);
    const owner = ownerOf(n.id);
    ownSelf.set(owner, (ownSelf.get(owner) ?? 0) + dur);
    const act = activityOf(n.id);
    activity.set(act, (activity.get(act) ?? 0) + dur);
  }
  const rel = (us) => (timing ? (us - timing.originUs) / 1000 : null);
  phase.push({
    file,
    bootstrapMs: timing?.bootstrapComplete ?? null,
    profileStartMs: rel(p.startTime),
    firstMainMs: timing?.mainMs ?? (firstMain === null ? null : rel(firstMain)),
    firstMainSampleMs: firstMain === null ? null : rel(firstMain),
    exitMs: timing?.exitMs ?? rel(p.endTime),
    beforeMainSampledMs: beforeMainUs / 1000,
  });
}

const avg = (xs) => (xs.length && xs.every((x) => x !== null) ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const f1 = (x) => (x === null || x === undefined ? '?' : x.toFixed(1));
const n = profiles.length;
const bootstrap = plain.length ? avg(plain.map((p) => p.bootstrapComplete)) : avg(phase.map((p) => p.bootstrapMs));
const firstMain = plain.length ? avg(plain.map((p) => p.mainMs)) : avg(phase.map((p) => p.firstMainMs));
const exit = plain.length ? avg(plain.map((p) => p.exitMs)) : avg(phase.map((p) => p.exitMs));
const profiled = {
  bootstrap: avg(phase.map((p) => p.bootstrapMs)),
  main: avg(phase.map((p) => p.firstMainMs)),
  exit: avg(phase.map((p) => p.exitMs)),
};

const lines = [];
const out = (s = '') => lines.push(s);
out(
  `${name} — ${sc.kind === 'commit' ? 'pre-commit hook' : st.command.label} under --cpu-prof (${n} run${n > 1 ? 's' : ''}, averaged${wall.length ? `; wall time of the profiled ${sc.kind === 'commit' ? 'git commit' : 'command'}: ${wall.map((w) => w.toFixed(0)).join(', ')} ms` : ''})`,
);
out();
out(
  `Phases, ms from the start of the orch process (${plain.length ? `${plain.length} run${plain.length > 1 ? 's' : ''} without the profiler, averaged` : 'under the profiler'}):`,
);
out(`  Node.js bootstrap complete   ${f1(bootstrap).padStart(7)}`);
out(
  `  main() called                ${f1(firstMain).padStart(7)}   ← compiling and running dist/cli.cjs's top level: ${f1(firstMain !== null && bootstrap !== null ? firstMain - bootstrap : null)} ms`,
);
out(
  `  exit                         ${f1(exit).padStart(7)}   ← main() to exit: ${f1(exit !== null && firstMain !== null ? exit - firstMain : null)} ms`,
);
out(`  (under the profiler: ${f1(profiled.bootstrap)}, ${f1(profiled.main)}, ${f1(profiled.exit)})`);
out();
const total = totalUs / n / 1000;
out('What the samples were doing (whole stack, first match of this list; ms per run):');
for (const [label] of [
  ...ACTIVITIES,
  ['(garbage collector)'],
  ['(program)'],
  ['Node.js itself (bootstrap, event loop)'],
]) {
  const us = activity.get(label);
  if (!us) continue;
  const ms = us / n / 1000;
  out(`  ${ms.toFixed(1).padStart(6)} ${((100 * ms) / (totalUs / n / 1000)).toFixed(1).padStart(5)}  ${label}`);
}
out();
out(`Top ${top} functions by self time (ms per run; ${f1(total)} ms sampled per run, idle excluded):`);
out(`  ${'ms'.padStart(6)} ${'%'.padStart(5)}  function @ source module  (file:line)`);
for (const [key, us] of [...fnSelf].sort((x, y) => y[1] - x[1]).slice(0, top)) {
  const [fn, src, loc] = key.split('\0');
  const ms = us / n / 1000;
  out(
    `  ${ms.toFixed(1).padStart(6)} ${((100 * ms) / total).toFixed(1).padStart(5)}  ${fn}${src && src !== fn ? ` @ ${src}` : ''}${loc ? `  (${loc})` : ''}`,
  );
}
out();
out(
  `Time charged to orch's own functions (the innermost orch or package frame on the stack; what it calls in Node.js counts as its own), top ${top}:`,
);
for (const [key, us] of [...ownSelf].sort((x, y) => y[1] - x[1]).slice(0, top)) {
  const ms = us / n / 1000;
  out(`  ${ms.toFixed(1).padStart(6)} ${((100 * ms) / total).toFixed(1).padStart(5)}  ${key}`);
}
out();
out('Self time by source module or package (ms per run):');
for (const [mod, us] of [...modSelf].sort((x, y) => y[1] - x[1]).slice(0, 20)) {
  const ms = us / n / 1000;
  out(`  ${ms.toFixed(1).padStart(6)} ${((100 * ms) / total).toFixed(1).padStart(5)}  ${mod}`);
}

// ---------------------------------------------------------------------------------------
// What was loaded

const trace = fs.existsSync(traceFile)
  ? fs
      .readFileSync(traceFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
  : [];
const loads = trace.filter((e) => e.url?.startsWith('file://' + path.join(ORCH_HOME, 'dist')));
// times count from bin/orch.js (which compiles dist/cli.cjs itself, outside the loader hook)
const origin = trace.find((e) => e.url?.endsWith('/bin/orch.js'))?.us ?? loads[0]?.us ?? null;
out();
const distFiles = fs
  .readdirSync(path.join(ORCH_HOME, 'dist'), { recursive: true })
  .filter((f) => String(f).endsWith('.js'));
const distKB = distFiles.reduce((s, f) => s + fs.statSync(path.join(ORCH_HOME, 'dist', String(f))).size, 0) / 1024;
out(
  `dist/ files a ${sc.kind === 'commit' ? 'pre-commit' : 'range check'} loads (${loads.length} of ${distFiles.length} files, ${(loads.reduce((s, e) => s + e.size, 0) / 1024).toFixed(0)} of ${distKB.toFixed(0)} KB), in order; ms after bin/orch.js was loaded, from a separate run with a loader hook (which slows loading):`,
);
const packages = new Set();
for (const e of loads) {
  const mods = modulesOf(e.url.slice(7)).map(([, m]) => m);
  const pk = [...new Set(mods.filter((m) => m.startsWith('node_modules/')).map(pkgOf))];
  for (const p of pk) packages.add(p.replace('node_modules/', ''));
  const srcs = mods.filter((m) => m.startsWith('src/'));
  const shown = srcs.slice(0, 4).join(', ') + (srcs.length > 4 ? `, +${srcs.length - 4}` : '');
  out(
    `  ${origin === null ? '' : ('+' + ((e.us - origin) / 1000).toFixed(0)).padStart(5) + ' ms '} ${distName(e.url).padEnd(34)} ${(e.size / 1024).toFixed(1).padStart(6)} KB  ${shown}${pk.length ? `  [${pk.map((x) => x.replace('node_modules/', '')).join(', ')}]` : ''}`,
  );
}
out(`Packages bundled into what it loads: ${packages.size ? [...packages].sort().join(', ') : 'none'}`);
const spawns = trace.filter((e) => e.spawn).sort((x, y) => x.us - y.us);
out();
out(`Child processes orch started: ${spawns.length} (ms after bin/orch.js was loaded, duration):`);
for (const e of spawns) {
  const cmd = e.spawn.join(' ');
  out(
    `  ${origin === null ? '' : ('+' + ((e.us - origin) / 1000).toFixed(0)).padStart(5) + ' ms '}${e.ms.toFixed(1).padStart(7)} ms  ${cmd.length > 100 ? cmd.slice(0, 100) + '…' : cmd}`,
  );
}
if (sc.kind === 'commit') out('(besides orch, the sh commit-msg hook runs git interpret-trailers)');
out();
out(
  `Profiles: ${path.relative(process.cwd(), profDir)}/*.cpuprofile (open in Chrome DevTools › Performance, or speedscope)`,
);

const text = lines.join('\n');
fs.writeFileSync(path.join(profDir, 'summary.txt'), text + '\n');
process.stdout.write(text + '\n');
