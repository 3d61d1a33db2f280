import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const ROWS = 1500;
const ENTRIES = 8000;
const ADDED = 1000;

const row = (i: number, agent: string) =>
  `| src/module-${i}/index.ts | ${agent} | T-${i} | 2026-11-26T09:00Z | - | keep ${'x'.repeat(40)} |`;
const entry = (minute: number, who: string, i: number) =>
  `- 2026-${String(1 + Math.floor(minute / 40_000)).padStart(2, '0')}-01T${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}Z ${who} T-${i}: M src/module-${i}/index.ts, A src/module-${i}/test.ts`;

function statusDoc(rows: string[], entries: string[]): string {
  return `# Work Status\n\nIntro.\n\n## Locks\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n## Reviews\n\n| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n\n## Log\n\n${entries.join('\n')}\n`;
}

it('SIGKILL at random points of a merge-driver run leaves the %A file as ours or as the merge, never torn', async () => {
  const repo = tempRepo({ commitSetup: false });
  const tmp = path.join(repo.dir, '..', 'tmp');
  fs.mkdirSync(tmp);
  const env = { ...repo.env, TMPDIR: tmp };

  // a large status file: thousands of locks and log entries; each side adds and removes some
  const baseRows = Array.from({ length: ROWS }, (_, i) => row(i, `agent-${i % 7}`));
  const baseLog = Array.from({ length: ENTRIES }, (_, i) => entry(i, `agent-${i % 7}`, i));
  const base = statusDoc(baseRows, baseLog);
  const ours = statusDoc(
    [...baseRows.filter((_, i) => i % 10 !== 0), ...Array.from({ length: 300 }, (_, i) => row(100_000 + i, 'ours'))],
    [...baseLog, ...Array.from({ length: ADDED }, (_, i) => entry(ENTRIES + 2 * i, 'ours', 100_000 + i))],
  );
  const theirs = statusDoc(
    [...baseRows.filter((_, i) => i % 10 !== 5), ...Array.from({ length: 300 }, (_, i) => row(200_000 + i, 'theirs'))],
    [...baseLog, ...Array.from({ length: ADDED }, (_, i) => entry(ENTRIES + 1 + 2 * i, 'theirs', 200_000 + i))],
  );
  expect(base.length).toBeGreaterThan(700_000);
  const files = {
    O: path.join(repo.dir, '.merge_file_O'),
    A: path.join(repo.dir, '.merge_file_A'),
    B: path.join(repo.dir, '.merge_file_B'),
  };
  fs.writeFileSync(files.O, base);
  fs.writeFileSync(files.B, theirs);
  const args = [ORCH_BIN, 'merge-driver', files.O, files.A, files.B, 'WORK_STATUS.md'];

  // one run to the end: the merge every interrupted run must either reach or not have started
  fs.writeFileSync(files.A, ours);
  const t0 = performance.now();
  const full = spawnSync(process.execPath, args, { cwd: repo.dir, env, encoding: 'utf8' });
  const duration = performance.now() - t0;
  expect(full.status, full.stderr).toBe(0);
  const merged = fs.readFileSync(files.A, 'utf8');
  expect(merged).not.toBe(ours);
  const lines = merged.split('\n');
  expect(lines.filter((l) => / \| (ours|theirs) \| /.test(l))).toHaveLength(600);
  expect(lines.filter((l) => l.startsWith('| src/module-'))).toHaveLength(ROWS - ROWS / 5 + 600);
  expect(lines.filter((l) => l.startsWith('- 2026-'))).toHaveLength(ENTRIES + 2 * ADDED);

  // atomicWrite's temporary file beside %A: `.<name>.<unique>.tmp`
  const isTemp = (name: string) => /^\.\.merge_file_A\..+\.tmp$/.test(name);
  const temps = () => fs.readdirSync(repo.dir).filter(isTemp);
  const outcomes = { ours: 0, merged: 0, midWrite: 0 };
  // 12 kills; more aimed at the write (up to 12) while none has landed inside it yet
  let rounds = 0;
  for (let round = 0; round < 12 || (outcomes.midWrite === 0 && round < 24); round++) {
    rounds++;
    fs.writeFileSync(files.A, ours);
    for (const t of temps()) fs.rmSync(path.join(repo.dir, t));
    const child = spawn(process.execPath, args, { cwd: repo.dir, env, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('close', r));
    if (round % 2 === 0 && round < 12) {
      // anywhere from the start of a run to well past its end (a spawned run is slower than the measured one)
      await new Promise((r) => setTimeout(r, duration * (0.1 + (1.5 * (round + Math.random())) / 12)));
    } else {
      // the moment the result's temporary file appears: in the middle of writing it
      const watcher = fs.watch(repo.dir);
      await new Promise<void>((r) => {
        watcher.on('change', (_e, name) => isTemp(String(name)) && r());
        setTimeout(r, 4 * duration + 2000);
      });
      watcher.close();
    }
    child.kill('SIGKILL');
    await exited;
    if (temps().length > 0) outcomes.midWrite++;
    const now = fs.readFileSync(files.A, 'utf8');
    if (now === ours) outcomes.ours++;
    else {
      expect(now.length, `round ${round}: %A is neither ours nor the merge`).toBe(merged.length);
      expect(now === merged, `round ${round}: %A is neither ours nor the merge`).toBe(true);
      outcomes.merged++;
    }
  }
  expect(outcomes.ours + outcomes.merged).toBe(rounds);
  // the write was interrupted at least once (a kill left its temporary file), and %A was whole
  expect(outcomes.midWrite).toBeGreaterThan(0);
  console.log(
    `merge-driver kill: ${rounds} kills: ${outcomes.ours} left ours, ${outcomes.merged} the merge, ${outcomes.midWrite} during the write, 0 torn`,
  );
  // a run that finishes leaves nothing behind in the temporary directory
  const left = fs.readdirSync(tmp).length;
  fs.writeFileSync(files.A, ours);
  expect(spawnSync(process.execPath, args, { cwd: repo.dir, env }).status).toBe(0);
  expect(fs.readFileSync(files.A, 'utf8')).toBe(merged);
  expect(fs.readdirSync(tmp)).toHaveLength(left);
});
