// The scenarios of the benchmark and the mechanics of one timed run: stage the same change
// as the committing agent, time `git commit` through orch's hooks or through the floor
// hook, and put the repository back exactly as it was before the next run.
import fs from 'node:fs';
import path from 'node:path';
import { COMMITTER, assignOwners, buildTree, ensureRange, ensureRepo } from './generate.mjs';
import { FLOOR_HOOKS, ORCH_BIN, WORK, benchEnv, git, rng, run, writeExecutable } from './util.mjs';

const S1_REPO = { files: 5000, locks: 200, log: 2000 };

/**
 * kind "commit": a full `git commit` of `staged` files; kind "range": `orch ci` over a range.
 * mix: the share of added, renamed and deleted files among the staged ones (rest modified).
 * scaleOf: the scenario whose orch-only time this one is compared with.
 */
export const SCENARIOS = {
  S1: {
    title: '5,000 files, 200 locks, 2,000 log entries; commit 20 staged files',
    kind: 'commit',
    repo: S1_REPO,
    staged: 20,
    mix: { adds: 0.15 },
    runs: 11,
    target: { ratio: 1.5 },
  },
  S1x2files: {
    title: 'S1 with 40 staged files',
    kind: 'commit',
    repo: S1_REPO,
    staged: 40,
    mix: { adds: 0.15 },
    runs: 9,
    scaleOf: 'S1',
    target: { scale: 2.2 },
  },
  S1x2locks: {
    title: 'S1 with 400 locks',
    kind: 'commit',
    repo: { ...S1_REPO, locks: 400 },
    staged: 20,
    mix: { adds: 0.15 },
    runs: 9,
    scaleOf: 'S1',
    target: { scale: 2.2 },
  },
  S2: {
    title: '100,000 files, 2,000 locks, 20,000 log entries; commit 1,000 staged files with renames and deletions',
    kind: 'commit',
    repo: { files: 100_000, locks: 2000, log: 20_000 },
    staged: 1000,
    mix: { adds: 0.15, renames: 0.1, deletes: 0.05 },
    runs: 5,
    rssRuns: 1,
    target: { ratio: 3, rssMB: 150 },
  },
  S3: {
    title: 'orch ci over 1,000 commits of 10 files each (on the S1 repository)',
    kind: 'range',
    repo: S1_REPO,
    range: { commits: 1000, filesPer: 10 },
    runs: 3,
    target: { ratio: 3 },
  },
};

// ---------------------------------------------------------------------------------------
// Commit scenarios

/** The staged change: files of the committer's own modules, in a fixed order for a given size. */
export function changeOps(meta, count, mix = {}) {
  const tree = buildTree(meta.params.files, meta.params.seed);
  assignOwners(tree, meta.params.seed);
  const mine = tree.units
    .filter((u) => u.owner === COMMITTER)
    .flatMap((u) => u.files)
    .filter((p) => !/(^|\/)(README\.md|package\.json|go\.mod|Dockerfile|\.dockerignore)$/.test(p));
  const r = rng(meta.params.seed * 7919 + 21);
  const order = r.shuffle(mine);
  const nR = Math.round(count * (mix.renames ?? 0));
  const nD = Math.round(count * (mix.deletes ?? 0));
  const nA = Math.round(count * (mix.adds ?? 0));
  const nM = count - nR - nD - nA;
  if (nM + nR + nD > order.length)
    throw new Error(`the committer owns ${order.length} files; ${count} staged files need more`);
  const ops = [];
  let i = 0;
  for (let k = 0; k < nM; k++) ops.push({ op: 'M', path: order[i++] });
  for (let k = 0; k < nR; k++) {
    const from = order[i++];
    ops.push({ op: 'R', from, path: from.replace(/(\.[^./]+)?$/, (ext) => `-moved${ext}`) });
  }
  for (let k = 0; k < nD; k++) ops.push({ op: 'D', path: order[i++] });
  for (let k = 0; k < nA; k++) {
    const dir = path.posix.dirname(order[k % order.length]);
    ops.push({ op: 'A', path: `${dir}/bench-added-${k}.ts` });
  }
  return ops;
}

/**
 * Cleans the working tree back to the base, applies the change and stages it with one
 * `git update-index`, then saves the index: every run starts from that saved index.
 */
export function prepareCommit(repo, name, sc) {
  const { dir, meta } = repo;
  refreshHooks(repo);
  git(dir, ['reset', '-q', '--hard', meta.base]);
  git(dir, ['clean', '-fdq']);
  fs.rmSync(path.join(dir, '.git', 'orch'), { recursive: true, force: true });
  const ops = changeOps(meta, sc.staged, sc.mix);
  const paths = [];
  for (const o of ops) {
    const abs = path.join(dir, o.path);
    if (o.op === 'M') fs.appendFileSync(abs, `// bench change to ${o.path}\n`);
    else if (o.op === 'A')
      fs.writeFileSync(abs, `// added by the bench\nexport const added = ${JSON.stringify(o.path)};\n`);
    else if (o.op === 'D') fs.rmSync(abs);
    else if (o.op === 'R') {
      fs.renameSync(path.join(dir, o.from), abs);
      paths.push(o.from);
    }
    paths.push(o.path);
  }
  git(dir, ['update-index', '--add', '--remove', '-z', '--stdin'], { input: paths.join('\0') + '\0' });
  const stateDir = path.join(repo.root, 'state');
  fs.mkdirSync(stateDir, { recursive: true });
  const savedIndex = path.join(stateDir, `index-${name}`);
  fs.copyFileSync(path.join(dir, '.git', 'index'), savedIndex);
  const statusFile = path.join(dir, 'WORK_STATUS.md');
  const staged = git(dir, ['diff', '--cached', '--name-status', '-M', meta.base]).trim().split('\n').filter(Boolean);
  return {
    repo,
    name,
    ops,
    stagedCount: staged.length,
    stagedKinds: countBy(staged.map((l) => l[0])),
    savedIndex,
    statusFile,
    statusBytes: fs.readFileSync(statusFile),
    message: `bench ${name}: ${sc.staged} files`,
  };
}

/** Back to the staged state: main at the base, the saved index, the status file as it was. */
export function resetCommit(st) {
  const dir = st.repo.dir;
  git(dir, ['update-ref', 'refs/heads/main', st.repo.meta.base]);
  fs.copyFileSync(st.savedIndex, path.join(dir, '.git', 'index'));
  // written every time, orch run or not, so that git sees the same stat data either way
  fs.writeFileSync(st.statusFile, st.statusBytes);
  fs.rmSync(path.join(dir, '.git', 'orch', 'trailers'), { force: true });
  fs.rmSync(path.join(dir, '.git', 'orch', 'post-commit'), { force: true });
}

/**
 * One `git commit`: through orch's installed hooks, or with the floor hooks directory.
 * @param {'orch'|'floor'} which
 * @param {Record<string,string>} extraEnv  e.g. ORCH_BIN for memory or profile runs
 */
export function commitOnce(st, which, extraEnv = {}) {
  const env = benchEnv({ ORCH_AGENT: COMMITTER, ...extraEnv });
  const args =
    which === 'floor'
      ? ['-c', `core.hooksPath=${FLOOR_HOOKS}`, 'commit', '-q', '-m', st.message]
      : ['commit', '-q', '-m', st.message];
  return run('git', args, { cwd: st.repo.dir, env });
}

/** After a commit: did it pass, and did orch append its Log entry and trailers? */
export function verifyCommit(st, which, r) {
  const dir = st.repo.dir;
  if (r.code !== 0) throw new Error(`${st.name}: the ${which} commit failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
  const parent = git(dir, ['rev-parse', 'HEAD^']).trim();
  if (parent !== st.repo.meta.base) throw new Error(`${st.name}: HEAD^ is ${parent}, not the base`);
  const changed = git(dir, ['diff', '--name-only', '-M', st.repo.meta.base, 'HEAD']).trim().split('\n').filter(Boolean);
  if (which === 'floor') {
    if (changed.length !== st.stagedCount)
      throw new Error(`${st.name}: the floor commit changed ${changed.length} files, expected ${st.stagedCount}`);
    return {};
  }
  const numstat = git(dir, ['diff', '--numstat', st.repo.meta.base, 'HEAD', '--', 'WORK_STATUS.md']).trim();
  if (!/^1\t0\t/.test(numstat))
    throw new Error(`${st.name}: expected orch to add one Log line to WORK_STATUS.md, got numstat "${numstat}"`);
  const trailers = git(dir, ['log', '-1', '--format=%(trailers:only,unfold)']).trim();
  if (!trailers.includes(`Agent: ${COMMITTER}`))
    throw new Error(`${st.name}: the commit has no Agent trailer:\n${trailers}`);
  const entry = git(dir, ['diff', '-U0', st.repo.meta.base, 'HEAD', '--', 'WORK_STATUS.md'])
    .split('\n')
    .find((l) => l.startsWith('+- '));
  return { entry: entry?.slice(1), trailers: trailers.split('\n'), output: (r.stderr + r.stdout).trim() };
}

// ---------------------------------------------------------------------------------------
// Range scenario

/** `orch ci` when this orch has it, else `orch check --range`; null when neither runs. */
export function rangeCommand(repo, range) {
  const ci = run('orch', ['ci', '--help'], { cwd: repo.dir });
  if (ci.code === 0) return { label: 'orch ci', args: ['ci', '--base', range.base, '--head', range.head] };
  const check = run('orch', ['check', '--help'], { cwd: repo.dir });
  if (check.code === 0 && /--range/.test(check.stdout))
    return { label: 'orch check --range', args: ['check', '--range', `${range.base}..${range.head}`] };
  return null;
}

export async function prepareRange(repo, name, sc) {
  refreshHooks(repo);
  git(repo.dir, ['reset', '-q', '--hard', repo.meta.base]);
  git(repo.dir, ['clean', '-fdq']);
  const range = await ensureRange(repo, sc.range);
  return { repo, name, range, command: rangeCommand(repo, range) };
}

/** One range check, or its floor (the range's log plus one Node.js start); `bin` replaces orch. */
export function rangeOnce(st, which, { bin = 'orch', env: extraEnv = {} } = {}) {
  const env = benchEnv(extraEnv);
  if (which === 'floor') {
    const t0 = process.hrtime.bigint();
    const a = run('git', ['log', '--name-status', '-z', `${st.range.base}..${st.range.head}`], {
      cwd: st.repo.dir,
      env,
    });
    const b = run('node', ['-e', '0'], { cwd: st.repo.dir, env });
    const cpuMs = a.cpuMs === null || b.cpuMs === null ? null : a.cpuMs + b.cpuMs;
    return {
      code: a.code || b.code,
      stdout: '',
      stderr: a.stderr + b.stderr,
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      cpuMs,
    };
  }
  return run(bin, st.command.args, { cwd: st.repo.dir, env, timeoutMs: RANGE_TIMEOUT_MS });
}

/** A range check that takes longer than this is stopped and reported as an error. */
const RANGE_TIMEOUT_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------
// Shared

export async function openScenario(name, opts = {}) {
  const sc = SCENARIOS[name];
  if (!sc) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const repo = await ensureRepo({ ...sc.repo, quiet: opts.quiet });
  const st = sc.kind === 'commit' ? prepareCommit(repo, name, sc) : await prepareRange(repo, name, sc);
  return { sc, repo, st };
}

/** Hooks as the orch being measured installs them (a cached repository may predate a change). */
function refreshHooks(repo) {
  const r = run('orch', ['init'], { cwd: repo.dir });
  if (r.code !== 0) throw new Error(`orch init failed in ${repo.dir}: ${r.stderr}${r.stdout}`);
}

/** A stand-in for orch that records the peak RSS of the orch process itself (KB, one line per run). */
export function memoryWrapper() {
  const dir = path.join(WORK, 'bin-rss');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'orch');
  if (fs.existsSync('/usr/bin/time')) {
    writeExecutable(
      file,
      `#!/bin/sh\nexec /usr/bin/time -f '%M' -a -o "$ORCH_BENCH_RSS" ${JSON.stringify(ORCH_BIN)} "$@"\n`,
    );
    return { bin: file, how: '/usr/bin/time %M of the orch process' };
  }
  const preload = path.join(dir, 'report-rss.mjs');
  fs.writeFileSync(
    preload,
    "import fs from 'node:fs';\nprocess.on('exit', () => fs.appendFileSync(process.env.ORCH_BENCH_RSS, process.resourceUsage().maxRSS + '\\n'));\n",
  );
  writeExecutable(
    file,
    `#!/bin/sh\nexec node --import ${JSON.stringify('file://' + preload)} ${JSON.stringify(ORCH_BIN)} "$@"\n`,
  );
  return { bin: file, how: 'process.resourceUsage().maxRSS inside the orch process' };
}

export function readPeakKB(file) {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const nums = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
  return nums.length ? Math.max(...nums) : null;
}

function countBy(xs) {
  const out = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
