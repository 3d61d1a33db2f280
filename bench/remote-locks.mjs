// `npm run bench:remote`: lock operations per second in remote mode, against a local bare
// repository as the remote, with 1, 4 and 8 clones locking at the same time. Each clone
// runs `orch lock` on distinct paths one after another (each a process of its own, as an
// agent runs it); the clones run concurrently, so their pushes race and the losers retry.
// Reported per clone count: operations, wall time, operations per second, push attempts
// per operation, and the median and 95th percentile latency of one operation.
//
//   node bench/remote-locks.mjs [--clones 1,4,8] [--ops 20] [--pre-receive] [--json]
//     --ops N         operations per clone (default 20)
//     --pre-receive   install `orch hook pre-receive` on the remote (each push is checked)
//     --json          print the results as JSON on stdout
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const CLONES = option('clones', '1,4,8').split(',').map(Number);
const OPS = Number(option('ops', '20'));
const PRE_RECEIVE = flag('pre-receive');
const say = (s) => process.stderr.write(s + '\n');

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) {
  say('bench: dist/cli.cjs is missing; run `npm run build` first (npm run bench:remote does).');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-bench-remote-'));
// a copy of the bundle: a rebuild of the checkout during the run cannot change what is measured
const orchHome = path.join(work, 'orch');
fs.cpSync(path.join(ROOT, 'bin'), path.join(orchHome, 'bin'), { recursive: true });
fs.cpSync(path.join(ROOT, 'dist'), path.join(orchHome, 'dist'), {
  recursive: true,
  filter: (s) => !s.includes(`${path.sep}types`),
});
fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(orchHome, 'package.json'));
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(orchHome, 'node_modules'));
const ORCH = path.join(orchHome, 'bin', 'orch.js');
const binDir = path.join(work, 'bin');
fs.mkdirSync(binDir);
fs.symlinkSync(ORCH, path.join(binDir, 'orch'));

const env = {};
for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('ORCH_')) env[k] = v;
Object.assign(env, {
  HOME: path.join(work, 'home'),
  GIT_CONFIG_NOSYSTEM: '1',
  PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
  NO_COLOR: '1',
});
fs.mkdirSync(env.HOME);

function sh(cmd, argv, cwd, extra = {}) {
  const r = spawnSync(cmd, argv, { cwd, env: { ...env, ...extra }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed in ${cwd}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}
const git = (argv, cwd) => sh('git', argv, cwd);
const orch = (argv, cwd, extra) => sh(process.execPath, [ORCH, ...argv], cwd, extra);

git(['config', '--global', 'user.name', 'Bench Person'], work);
git(['config', '--global', 'user.email', 'bench@example.test'], work);
git(['config', '--global', 'commit.gpgsign', 'false'], work);
git(['config', '--global', 'init.defaultBranch', 'main'], work);

/** A fresh remote with orch set up in remote mode and the lock branch created. */
function freshRemote(name) {
  const server = path.join(work, `${name}.git`);
  git(['init', '-q', '--bare', server], work);
  const seed = path.join(work, `${name}-seed`);
  git(['init', '-q', seed], work);
  orch(['init'], seed);
  const cfg = JSON.parse(fs.readFileSync(path.join(seed, '.orchrc.json'), 'utf8'));
  cfg.locks = { remote: 'origin' };
  fs.writeFileSync(path.join(seed, '.orchrc.json'), JSON.stringify(cfg, null, 2) + '\n');
  git(['add', '-A'], seed);
  git(['commit', '-q', '-m', 'set up orch'], seed);
  git(['remote', 'add', 'origin', server], seed);
  git(['push', '-q', 'origin', 'main'], seed);
  orch(['init', '--remote', 'origin'], seed);
  if (PRE_RECEIVE) {
    const hook = path.join(server, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${ORCH}" hook pre-receive "$@"\n`, { mode: 0o755 });
  }
  return server;
}

function lockOnce(cwd, agent, file) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [ORCH, 'lock', file, '--format', 'json'], {
      cwd,
      env: { ...env, ORCH_AGENT: agent },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let attempts = NaN;
      try {
        attempts = JSON.parse(out).remote?.attempts ?? NaN;
      } catch {
        // reported below
      }
      resolve({ code, ms, attempts, err });
    });
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const results = [];
say(
  `bench: remote locks — ${OPS} lock operations per clone, clones ${CLONES.join(', ')}${PRE_RECEIVE ? ', pre-receive hook on the remote' : ''}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`,
);
for (const n of CLONES) {
  const server = freshRemote(`server-${n}`);
  const clones = Array.from({ length: n }, (_, i) => {
    const dir = path.join(work, `s${n}-clone-${i + 1}`);
    git(['clone', '-q', server, dir], work);
    return dir;
  });
  const t0 = process.hrtime.bigint();
  const perClone = await Promise.all(
    clones.map(async (dir, i) => {
      const runs = [];
      for (let k = 0; k < OPS; k++) runs.push(await lockOnce(dir, `agent-${i + 1}`, `src/c${i + 1}/file-${k}.ts`));
      return runs;
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const runs = perClone.flat();
  const failed = runs.filter((r) => r.code !== 0);
  if (failed.length) say(`  ${failed.length} operation(s) failed, e.g.: ${failed[0].err.trim().split('\n')[0]}`);
  const rows = git(['show', 'refs/heads/orch/locks:WORK_STATUS.md'], server)
    .split('\n')
    .filter((l) => l.startsWith('| src/')).length;
  const r = {
    clones: n,
    ops: runs.length,
    failed: failed.length,
    rowsOnLockBranch: rows,
    wallSeconds: +(wallMs / 1000).toFixed(2),
    opsPerSecond: +((runs.length - failed.length) / (wallMs / 1000)).toFixed(2),
    attemptsPerOp: +(runs.reduce((a, x) => a + (x.attempts || 0), 0) / runs.length).toFixed(2),
    p50ms: Math.round(
      quantile(
        runs.map((x) => x.ms),
        0.5,
      ),
    ),
    p95ms: Math.round(
      quantile(
        runs.map((x) => x.ms),
        0.95,
      ),
    ),
  };
  results.push(r);
  say(
    `  ${String(n).padStart(2)} clone(s): ${r.ops} ops in ${r.wallSeconds.toFixed(1)} s → ${r.opsPerSecond.toFixed(2)} ops/s; ` +
      `${r.attemptsPerOp.toFixed(2)} push attempts/op; latency p50 ${r.p50ms} ms, p95 ${r.p95ms} ms; ${r.rowsOnLockBranch} rows on the lock branch`,
  );
}

if (flag('json'))
  process.stdout.write(
    JSON.stringify({ ops: OPS, preReceive: PRE_RECEIVE, cores: os.cpus().length, results }, null, 2) + '\n',
  );
else {
  process.stdout.write(
    '\n| clones | lock ops | wall (s) | ops/s | push attempts/op | p50 (ms) | p95 (ms) |\n| --- | --- | --- | --- | --- | --- | --- |\n',
  );
  for (const r of results)
    process.stdout.write(
      `| ${r.clones} | ${r.ops} | ${r.wallSeconds} | ${r.opsPerSecond} | ${r.attemptsPerOp} | ${r.p50ms} | ${r.p95ms} |\n`,
    );
}
fs.rmSync(work, { recursive: true, force: true });
