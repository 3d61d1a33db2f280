// Shared plumbing for the benchmark: where things live, a clean environment for git and
// orch, synchronous process helpers and a seeded random source (generated repositories
// must be identical from one machine to the next).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WORK = path.join(ROOT, 'bench', '.work');
/**
 * The orch being measured: a copy of bin/ and dist/ taken when the benchmark starts, so a
 * rebuild of the checkout halfway through a run cannot change the code under measurement.
 */
export const ORCH_HOME = path.join(WORK, 'orch');
export const ORCH_BIN = path.join(ORCH_HOME, 'bin', 'orch.js');
export const HOME = path.join(WORK, 'home');
/** A directory with an `orch` symlink: put first on PATH, the hooks find orch there. */
export const BIN_DIR = path.join(WORK, 'bin');
/** A hooks directory whose pre-commit only starts Node.js: the floor. */
export const FLOOR_HOOKS = path.join(WORK, 'floor-hooks');

let snapshotted = false;

/** Copies bin/, dist/ (without declarations) and package.json of the checkout to ORCH_HOME. */
export function snapshotOrch() {
  if (snapshotted) return;
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs')))
    throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm run bench does).');
  const tmp = `${ORCH_HOME}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.cpSync(path.join(ROOT, 'bin'), path.join(tmp, 'bin'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(tmp, 'dist'), {
    recursive: true,
    filter: (src) => path.relative(path.join(ROOT, 'dist'), src).split(path.sep)[0] !== 'types',
  });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(tmp, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'));
  fs.rmSync(ORCH_HOME, { recursive: true, force: true });
  fs.renameSync(tmp, ORCH_HOME);
  snapshotted = true;
}

/** Creates the shared directories (orch snapshot, home, bin symlink, floor hooks) once per process. */
export function ensureWorkDirs() {
  snapshotOrch();
  fs.mkdirSync(HOME, { recursive: true });
  fs.mkdirSync(path.join(HOME, '.config'), { recursive: true });
  fs.mkdirSync(BIN_DIR, { recursive: true });
  const link = path.join(BIN_DIR, 'orch');
  let current = null;
  try {
    current = fs.readlinkSync(link);
  } catch {
    // absent
  }
  if (current !== ORCH_BIN) {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(ORCH_BIN, link);
  }
  fs.mkdirSync(FLOOR_HOOKS, { recursive: true });
  writeExecutable(path.join(FLOOR_HOOKS, 'pre-commit'), '#!/bin/sh\nexec node -e 0\n');
}

export function writeExecutable(file, text) {
  let old = null;
  try {
    old = fs.readFileSync(file, 'utf8');
  } catch {
    // absent
  }
  if (old !== text) fs.writeFileSync(file, text);
  fs.chmodSync(file, 0o755);
}

/**
 * The environment every git and orch process of the benchmark gets: nothing inherited
 * from a surrounding git (GIT_*), orch (ORCH_*) or Node.js (NODE_*), no global or system
 * git config, orch on PATH through the symlink directory. NODE_* goes because it changes
 * what the floor measures: NODE_EXTRA_CA_CERTS alone (set machine-wide on some hosts)
 * makes every `node -e 0` read a certificate bundle, ~65 ms here, which would inflate the
 * floor and hide orch's own cost. `--keep-node-env` keeps them, to see a host as it is.
 */
const KEEP_NODE_ENV = process.argv.includes('--keep-node-env');

export function benchEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('GIT_') || k.startsWith('ORCH_') || k.startsWith('npm_')) continue;
    if (k.startsWith('NODE_') && !KEEP_NODE_ENV) continue;
    if (['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BITBUCKET_BUILD_NUMBER'].includes(k))
      continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME,
    XDG_CONFIG_HOME: path.join(HOME, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    PATH: `${BIN_DIR}${path.delimiter}${process.env.PATH}`,
    NO_COLOR: '1',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * CPU time (user + system, ms) of this process's waited-for children, hooks included: on a
 * loaded machine it moves much less than wall time. Linux only (USER_HZ = 100: 10 ms
 * steps, so it is meaningful summed over runs, not for one run); null elsewhere.
 */
export function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return null;
  }
}

/** Runs a command to completion; returns code, output, wall time and children's CPU time in ms. */
export function run(cmd, args, { cwd, env, input, encoding = 'utf8', timeoutMs } = {}) {
  const c0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    env: env ?? benchEnv(),
    input,
    encoding,
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = childrenCpuMs();
  if (r.error)
    throw r.error.code === 'ETIMEDOUT'
      ? new Error(`${cmd} ${args.join(' ')} took more than ${timeoutMs / 1000} s; stopped`)
      : r.error;
  return {
    code: r.status ?? 128,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    ms,
    cpuMs: c0 === null || c1 === null ? null : c1 - c0,
  };
}

/** git that must succeed; returns stdout. */
export function git(cwd, args, opts = {}) {
  const r = run('git', args, { cwd, env: opts.env, input: opts.input, encoding: opts.encoding });
  if (r.code !== 0) {
    throw new Error(
      `git ${args.join(' ')} failed in ${cwd} (exit ${r.code}):\n${r.stderr}${typeof r.stdout === 'string' ? r.stdout.slice(0, 2000) : ''}`,
    );
  }
  return r.stdout;
}

/** Streams text into `git fast-import`, honouring back-pressure. */
export async function fastImport(cwd, produce) {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], {
    cwd,
    env: benchEnv(),
    stdio: ['pipe', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const closed = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git fast-import failed (${code}): ${stderr}`)),
    );
  });
  const write = async (chunk) => {
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  };
  await produce(write);
  await write('done\n');
  child.stdin.end();
  await closed;
}

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  next.shuffle = (arr) => {
    const a2 = arr.slice();
    for (let i = a2.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a2[i], a2[j]] = [a2[j], a2[i]];
    }
    return a2;
  };
  return next;
}

/** FNV-1a over a string: stable per-path variation in generated content. */
export function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** The time format orch writes in WORK_STATUS.md: minutes, UTC, "Z". */
export function statusTime(ms) {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

export function parseArgs(argv, spec) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (!(key in spec))
      throw new Error(
        `unknown option --${key}; known: ${Object.keys(spec)
          .map((k) => '--' + k)
          .join(', ')}`,
      );
    if (spec[key] === 'boolean') out[key] = true;
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`--${key} needs a value`);
      out[key] = spec[key] === 'number' ? Number(v) : v;
    }
  }
  return out;
}
