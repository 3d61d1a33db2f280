// `npm run bench:hooks`: what the harness hooks cost per edit, on S1's repository (5,000
// files, 200 locks, 2,000 log entries). Each is timed against a bare `node -e 0` in the
// same environment, alternated run by run, as medians:
//   pre-tool  — `orch guard --harness claude` with a PreToolUse Edit payload of one path
//               (a free path of the committing agent's own module: the common case,
//               cleared by the edit index once the warm-up runs wrote it);
//   pre-tool (locked) — the same for a path another agent holds (blocked: the quick check);
//   pre-tool (own lock) — a path under a lock of the committing agent that never expires;
//   pre-tool (shell)  — a Bash payload `npm test` (no writer: no parse), and `sed -i …
//               <path>` (the shell parser loads);
//   post-edit — `orch post-edit --harness claude` with a PostToolUse Edit payload.
// Target (the README's "Edit-time guard" section): pre-tool and post-edit at most 1.5×.
//   options: --runs N (default 21)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMITTER, ensureRepo } from './generate.mjs';
import { ORCH_BIN, median, parseArgs, run, snapshotOrch, benchEnv } from './util.mjs';

const args = parseArgs(process.argv.slice(2), { runs: 'number' });
const RUNS = args.runs ?? 21;
const say = (s) => process.stderr.write(s + '\n');

snapshotOrch();
const repo = await ensureRepo({ files: 5000, locks: 200, log: 2000 });
const status = fs.readFileSync(path.join(repo.dir, 'WORK_STATUS.md'), 'utf8');
const rows = [...status.matchAll(/^\| (\S+) \| (\S+) \|/gm)].filter((m) => m[2] !== 'Agent' && m[2] !== '---');
const foreign = rows.find((m) => m[2] !== COMMITTER && !m[1].endsWith('/') && !/[*?[]/.test(m[1]));
if (!foreign) throw new Error('no lock of another agent on a plain path in the S1 status file');
const free = fs
  .readdirSync(repo.dir, { recursive: true })
  .map(String)
  .find((p) => p.endsWith('.ts') && !status.includes(p.split('/')[0] + '/') && !status.includes(p));
const freePath = free ?? 'bench-free-file.ts';
// a directory the committing agent holds without an expiry: its edits there renew nothing
const own = rows.find((m) => m[2] === COMMITTER && m[1].endsWith('/') && !/[*?[]/.test(m[1]));

const env = benchEnv({ ORCH_AGENT: COMMITTER, ORCH_NO_CODE_CACHE: '' });
delete env.ORCH_NO_CODE_CACHE;
const payload = (event, tool, toolInput) =>
  JSON.stringify({
    session_id: 'bench',
    transcript_path: '/dev/null',
    cwd: repo.dir,
    permission_mode: 'default',
    hook_event_name: event,
    tool_name: tool,
    tool_input: toolInput,
  });
const abs = (p) => path.join(repo.dir, p);

const cases = {
  'pre-tool': [
    'guard',
    payload('PreToolUse', 'Edit', { file_path: abs(freePath), old_string: 'a', new_string: 'b' }),
    (r) => r.code === 0 && r.stdout === '',
  ],
  'pre-tool (locked path)': [
    'guard',
    payload('PreToolUse', 'Edit', { file_path: abs(foreign[1]), old_string: 'a', new_string: 'b' }),
    (r) => r.code === 0 && r.stdout.includes('"deny"'),
  ],
  ...(own
    ? {
        'pre-tool (own lock)': [
          'guard',
          payload('PreToolUse', 'Edit', {
            file_path: abs(`${own[1]}bench-own-file.ts`),
            old_string: 'a',
            new_string: 'b',
          }),
          (r) => r.code === 0 && r.stdout === '',
        ],
      }
    : {}),
  'pre-tool (shell: npm test)': [
    'guard',
    payload('PreToolUse', 'Bash', { command: 'npm test' }),
    (r) => r.code === 0 && r.stdout === '',
  ],
  'pre-tool (shell: sed -i)': [
    'guard',
    payload('PreToolUse', 'Bash', { command: `sed -i 's/a/b/' ${freePath}` }),
    (r) => r.code === 0 && r.stdout === '',
  ],
  'post-edit': [
    'post-edit',
    payload('PostToolUse', 'Edit', { file_path: abs(freePath), old_string: 'a', new_string: 'b' }),
    (r) => r.code === 0,
  ],
};

const floorOnce = () => run(process.execPath, ['-e', '0'], { cwd: repo.dir, env });
const orchOnce = (cmd, input) =>
  run(process.execPath, [ORCH_BIN, cmd, '--harness', 'claude'], { cwd: repo.dir, env, input });

say(
  `bench:hooks — S1 repository ${path.relative(process.cwd(), repo.dir)} (${rows.length} lock rows), ${RUNS} runs each, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
// warm up: file cache, V8 code cache
for (const [cmd, input] of Object.values(cases)) for (let i = 0; i < 3; i++) orchOnce(cmd, input);
const results = [];
for (const [name, [cmd, input, ok]] of Object.entries(cases)) {
  const floor = [];
  const orch = [];
  // CPU time summed over the runs (10 ms steps per run): on a loaded machine it moves much
  // less than wall time, so it tells the load's share of a ratio from orch's
  let floorCpu = 0;
  let orchCpu = 0;
  for (let i = 0; i < RUNS; i++) {
    const fr = floorOnce();
    floor.push(fr.ms);
    floorCpu += fr.cpuMs ?? Number.NaN;
    const r = orchOnce(cmd, input);
    if (!ok(r)) throw new Error(`${name}: unexpected answer (exit ${r.code}): ${r.stdout}${r.stderr}`);
    orch.push(r.ms);
    orchCpu += r.cpuMs ?? Number.NaN;
  }
  const f = median(floor);
  const o = median(orch);
  const cpuRatio = orchCpu / floorCpu;
  results.push({ name, floor: f, orch: o, ratio: o / f, cpuRatio });
  say(
    `  ${name}: floor ${f.toFixed(1)} ms, orch ${o.toFixed(1)} ms, ${(o / f).toFixed(2)}× (CPU ${(floorCpu / RUNS).toFixed(1)} vs ${(orchCpu / RUNS).toFixed(1)} ms a run, ${cpuRatio.toFixed(2)}×)`,
  );
}
fs.rmSync(path.join(repo.root, 'repo', '.git', 'orch', 'edits.log'), { force: true });

const table = [
  '| hook (S1: 5,000 files, 200 locks) | `node -e 0` | orch | ratio | CPU ratio | target |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.floor.toFixed(0)} ms | ${r.orch.toFixed(0)} ms | ${r.ratio.toFixed(2)}× | ${Number.isNaN(r.cpuRatio) ? '—' : `${r.cpuRatio.toFixed(2)}×`} | ${r.name === 'pre-tool' || r.name === 'post-edit' ? `≤ 1.5× — ${r.ratio <= 1.5 ? 'met' : 'missed'}` : '—'} |`,
  ),
];
process.stdout.write(
  table.join('\n') +
    `\n\nNode.js ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg()[0].toFixed(2)}\n`,
);
