// `npm run bench`: every scenario's floor and orch time, measured in the same run and
// alternated, as medians; the ratio; orch's own time; orch's peak memory; the targets.
//
//   npm run bench                           all scenarios (S2 generates 100,000 files once)
//   npm run bench -- --only S1              one scenario (scaling ones bring S1 along)
//   npm run bench -- --skip S2,S3 --runs 5  fewer scenarios, fewer runs
//   options: --only LIST  --skip LIST  --runs N  --rss-runs N  --no-rss  --out FILE
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SCENARIOS,
  commitOnce,
  memoryWrapper,
  openScenario,
  rangeOnce,
  readPeakKB,
  resetCommit,
  verifyCommit,
} from './scenarios.mjs';
import { ROOT, WORK, median, parseArgs, quantile, run } from './util.mjs';

const ORDER = ['S1', 'S1x2files', 'S1x2locks', 'S2', 'S3'];
const args = parseArgs(process.argv.slice(2), {
  only: 'string',
  skip: 'string',
  runs: 'number',
  'rss-runs': 'number',
  'no-rss': 'boolean',
  'keep-node-env': 'boolean',
  out: 'string',
});

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) {
  process.stderr.write('bench: dist/cli.cjs is missing; run `npm run build` first (npm run bench does).\n');
  process.exit(2);
}

const list = (s) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
let names = args.only ? list(args.only) : ORDER.slice();
for (const n of names) if (!SCENARIOS[n]) throw new Error(`unknown scenario ${n}; known: ${ORDER.join(', ')}`);
// a scaling scenario is a ratio to its reference: measure that too
for (const n of [...names])
  if (SCENARIOS[n].scaleOf && !names.includes(SCENARIOS[n].scaleOf)) names.unshift(SCENARIOS[n].scaleOf);
names = ORDER.filter((n) => names.includes(n) && !list(args.skip).includes(n));

const say = (s) => process.stderr.write(s + '\n');
const loadStart = os.loadavg();
const startedAt = new Date();
say(
  `bench: ${names.join(', ')} — load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`,
);

const results = {};
for (const name of names) {
  const t0 = Date.now();
  const loadBefore = os.loadavg()[0];
  try {
    results[name] = SCENARIOS[name].kind === 'commit' ? await measureCommit(name) : await measureRange(name);
  } catch (e) {
    say(`${name}: FAILED — ${e.message}`);
    results[name] = { scenario: name, title: SCENARIOS[name].title, error: e.message };
  }
  results[name].seconds = (Date.now() - t0) / 1000;
  results[name].load1 = { before: +loadBefore.toFixed(2), after: +os.loadavg()[0].toFixed(2) };
}
judge(results);

const loadEnd = os.loadavg();
const report = {
  date: startedAt.toISOString(),
  machine: machine(loadStart, loadEnd),
  orch: orchVersion(),
  scenarios: results,
};
const table = renderTable(results);
process.stdout.write('\n' + table.text + '\n' + machineLine(report) + '\n');
const missed = Object.values(results)
  .filter((r) => r.met === false)
  .map((r) => r.scenario);
if (missed.length)
  process.stdout.write(
    `Where the time goes: node bench/profile.mjs ${missed[0]}${missed.length > 1 ? ` (also ${missed.slice(1).join(', ')})` : ''}\n`,
  );
const out = args.out ?? path.join(ROOT, 'bench', 'results.json');
fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
fs.writeFileSync(out.replace(/\.json$/, '') + '.md', table.markdown + '\n\n' + machineLine(report) + '\n');
say(
  `bench: wrote ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), out.replace(/\.json$/, '') + '.md')}`,
);

// ---------------------------------------------------------------------------------------

async function measureCommit(name) {
  const { sc, repo, st } = await openScenario(name);
  const runs = args.runs ?? sc.runs;
  say(`${name}: ${sc.title}`);
  say(
    `  repository ${path.relative(ROOT, repo.dir)} (${repo.meta.files} files, ${repo.meta.locks} locks, ${repo.meta.logEntries} log entries, WORK_STATUS.md ${(repo.meta.statusBytes / 1024).toFixed(0)} KB)`,
  );
  say(
    `  staged: ${st.stagedCount} files (${Object.entries(st.stagedKinds)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}) as ${repo.meta.committer}`,
  );

  // one of each first: warms the caches and proves the commit passes and is recorded
  resetCommit(st);
  const first = verifyCommit(st, 'orch', commitOnce(st, 'orch'));
  say(`  orch's Log entry: ${first.entry?.slice(0, 120)}${(first.entry?.length ?? 0) > 120 ? '…' : ''}`);
  if (first.output) say(`  orch said: ${first.output.split('\n').slice(0, 4).join(' | ')}`);
  resetCommit(st);
  verifyCommit(st, 'floor', commitOnce(st, 'floor'));

  const times = { orch: [], floor: [], cpu: { orch: [], floor: [] } };
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['floor', 'orch'] : ['orch', 'floor']) {
      resetCommit(st);
      const r = commitOnce(st, which);
      if (r.code !== 0) throw new Error(`${which} commit failed in run ${i + 1}: ${r.stderr}`);
      times[which].push(r.ms);
      times.cpu[which].push(r.cpuMs);
    }
    say(`  run ${i + 1}/${runs}: orch ${times.orch[i].toFixed(0)} ms, floor ${times.floor[i].toFixed(0)} ms`);
  }

  let rss = null;
  const rssRuns = args['no-rss'] ? 0 : (args['rss-runs'] ?? sc.rssRuns ?? 2);
  if (rssRuns > 0) {
    const w = memoryWrapper();
    const file = path.join(WORK, `rss-${name}.txt`);
    const peaks = [];
    for (let k = 0; k < rssRuns; k++) {
      resetCommit(st);
      fs.rmSync(file, { force: true });
      const r = commitOnce(st, 'orch', { ORCH_BIN: w.bin, ORCH_BENCH_RSS: file });
      if (r.code !== 0) throw new Error(`memory run failed: ${r.stderr}`);
      const kb = readPeakKB(file);
      if (kb !== null) peaks.push(kb);
    }
    rss = peaks.length ? { peakMB: Math.max(...peaks) / 1024, runs: peaks.length, how: w.how } : null;
  }
  resetCommit(st);
  return summarise(name, sc, times, rss, {
    repo: repo.key,
    staged: st.stagedCount,
    stagedKinds: st.stagedKinds,
    logEntry: first.entry,
    trailers: first.trailers,
  });
}

async function measureRange(name) {
  const { sc, repo, st } = await openScenario(name);
  say(`${name}: ${sc.title}`);
  if (!st.command) {
    say('  pending: this orch has neither `orch ci` nor `orch check --range`');
    return {
      scenario: name,
      title: sc.title,
      pending: 'neither `orch ci` nor `orch check --range` is available in this build',
    };
  }
  const runs = args.runs ?? sc.runs;
  say(
    `  ${st.command.label} over ${st.range.commits} commits of ${st.range.filesPer} files (${path.relative(ROOT, repo.dir)})`,
  );

  // the first run tells whether the range passes, and orch's peak memory
  const memory = args['no-rss'] ? null : memoryWrapper();
  const rssFile = path.join(WORK, `rss-${name}.txt`);
  fs.rmSync(rssFile, { force: true });
  const t = Date.now();
  const first = rangeOnce(
    st,
    'orch',
    memory
      ? { bin: memory.bin, env: { ORCH_FORMAT: 'json', ORCH_BENCH_RSS: rssFile } }
      : { env: { ORCH_FORMAT: 'json' } },
  );
  let verdict = null;
  try {
    const j = JSON.parse(first.stdout);
    verdict = {
      ok: j.ok,
      findings: j.findings.length,
      errors: j.findings.filter((f) => f.severity === 'error').length,
      sample: j.findings.slice(0, 3),
    };
  } catch {
    throw new Error(
      `${st.command.label} did not print a JSON report (exit ${first.code}): ${first.stderr.slice(0, 500)}${first.stdout.slice(0, 500)}`,
    );
  }
  const peakKB = memory ? readPeakKB(rssFile) : null;
  const rss = peakKB === null ? null : { peakMB: peakKB / 1024, runs: 1, how: memory.how };
  say(
    `  first run ${Date.now() - t} ms: exit ${first.code}, ok ${verdict.ok}, ${verdict.findings} findings (${verdict.errors} errors)${rss ? `, peak RSS ${rss.peakMB.toFixed(0)} MB` : ''}`,
  );
  rangeOnce(st, 'floor');

  const times = { orch: [], floor: [], cpu: { orch: [], floor: [] } };
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['floor', 'orch'] : ['orch', 'floor']) {
      const r = rangeOnce(st, which);
      if (r.code !== 0 && !(which === 'orch' && r.code === 1))
        throw new Error(`${which} failed in run ${i + 1} (exit ${r.code}): ${r.stderr.slice(0, 500)}`);
      times[which].push(r.ms);
      times.cpu[which].push(r.cpuMs);
    }
    say(`  run ${i + 1}/${runs}: orch ${times.orch[i].toFixed(0)} ms, floor ${times.floor[i].toFixed(0)} ms`);
  }

  return summarise(name, sc, times, rss, {
    repo: repo.key,
    command: st.command.label,
    range: st.range,
    verdict,
    exitCode: first.code,
  });
}

function summarise(name, sc, times, rss, extra) {
  const stat = (xs) => ({
    median: median(xs),
    p25: quantile(xs, 0.25),
    p75: quantile(xs, 0.75),
    min: Math.min(...xs),
    samples: xs.map((x) => +x.toFixed(1)),
  });
  const orch = stat(times.orch);
  const floor = stat(times.floor);
  // orch's own time, run by run: each orch run against the floor run next to it
  const paired = median(times.orch.map((x, i) => x - times.floor[i]));
  const mean = (xs) => (xs.length && xs.every((x) => x !== null) ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const cpuOrch = mean(times.cpu.orch);
  const cpuFloor = mean(times.cpu.floor);
  return {
    scenario: name,
    title: sc.title,
    runs: times.orch.length,
    floor,
    orch,
    ratio: orch.median / floor.median,
    ownMs: orch.median - floor.median,
    ownPairedMs: paired,
    // CPU time of git and its hooks, averaged (10 ms ticks): less sensitive to load than wall time
    cpu: cpuOrch === null ? null : { orchMeanMs: cpuOrch, floorMeanMs: cpuFloor, ratio: cpuOrch / cpuFloor },
    rss,
    ...extra,
  };
}

function judge(results) {
  for (const [name, r] of Object.entries(results)) {
    const t = SCENARIOS[name].target;
    if (r.error || r.pending) {
      r.target = describeTarget(name);
      r.met = null;
      continue;
    }
    const checks = [];
    if (t.ratio !== undefined) checks.push(r.ratio <= t.ratio);
    if (t.rssMB !== undefined) checks.push(r.rss ? r.rss.peakMB <= t.rssMB : false);
    if (t.scale !== undefined) {
      const ref = results[SCENARIOS[name].scaleOf];
      r.scale = ref && !ref.error ? r.ownMs / ref.ownMs : null;
      // the same ratio from CPU time, which a busy machine disturbs less (reported, not judged)
      r.cpuScale =
        ref?.cpu && r.cpu ? (r.cpu.orchMeanMs - r.cpu.floorMeanMs) / (ref.cpu.orchMeanMs - ref.cpu.floorMeanMs) : null;
      checks.push(r.scale !== null && r.scale <= t.scale);
    }
    r.target = describeTarget(name);
    r.met = checks.every(Boolean);
  }
}

function describeTarget(name) {
  const sc = SCENARIOS[name];
  const t = sc.target;
  const parts = [];
  if (t.ratio !== undefined) parts.push(`ratio ≤ ${t.ratio}×`);
  if (t.rssMB !== undefined) parts.push(`RSS ≤ ${t.rssMB} MB`);
  if (t.scale !== undefined) parts.push(`own ≤ ${t.scale}× ${sc.scaleOf}'s`);
  return parts.join(', ');
}

function renderTable(results) {
  const head = [
    'scenario',
    'runs',
    'floor ms',
    'orch ms',
    'ratio',
    'orch-only ms',
    'peak RSS MB',
    'CPU ratio',
    'target',
    'met?',
  ];
  const rows = Object.values(results).map((r) => {
    if (r.error || r.pending)
      return [
        r.scenario,
        '-',
        '-',
        '-',
        '-',
        '-',
        '-',
        '-',
        r.target,
        r.error ? `error: ${r.error.split('\n')[0].slice(0, 60)}` : 'pending',
      ];
    const target =
      r.scale !== undefined
        ? `${r.target}: ${r.scale === null ? '?' : r.scale.toFixed(2) + '×'}${r.cpuScale ? ` (CPU ${r.cpuScale.toFixed(2)}×)` : ''}`
        : r.target;
    return [
      r.scenario,
      String(r.runs),
      r.floor.median.toFixed(0),
      r.orch.median.toFixed(0),
      r.ratio.toFixed(2) + '×',
      r.ownMs.toFixed(0),
      r.rss ? r.rss.peakMB.toFixed(0) : '-',
      r.cpu ? r.cpu.ratio.toFixed(2) + '×' : '-',
      target,
      r.met ? 'yes' : 'NO',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i >= 1 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
  const markdown = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i >= 1 && i <= 7 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { text, markdown };
}

function machine(loadStart, loadEnd) {
  const gitV = run('git', ['--version']).stdout.trim();
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    git: gitV,
    loadavg: { start: loadStart.map((x) => +x.toFixed(2)), end: loadEnd.map((x) => +x.toFixed(2)) },
  };
}

function machineLine(rep) {
  const m = rep.machine;
  return `Measured ${rep.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.model}, ${m.memGB} GB, ${m.platform}, Node.js ${m.node}, ${m.git}; orch ${rep.orch.version} (${rep.orch.commit}); load average (1/5/15 min) ${m.loadavg.start.join(' ')} at start, ${m.loadavg.end.join(' ')} at end. Medians of alternating runs; floor = the same git commit with a pre-commit hook that runs \`node -e 0\` (S3: \`git log --name-status -z\` over the range + \`node -e 0\`); CPU ratio = mean CPU time (user + system) of orch's runs over the floor's; ${args['keep-node-env'] ? 'NODE_* variables of the environment kept' : 'no NODE_* variable in the environment (a `node -e 0` costs Node.js startup alone)'}.`;
}

function orchVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const head = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  // GIT_OPTIONAL_LOCKS=0: status must not refresh (write) the checkout's index
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src'], {
    cwd: ROOT,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  return {
    version: pkg.version,
    commit: head.code === 0 ? head.stdout.trim() + (dirty.stdout.trim() ? '+local changes in src' : '') : 'unknown',
  };
}
