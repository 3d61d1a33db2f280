// kill -9 during a write of a large status file: the temporary file it leaves is under the
// git dir, where `git add -A` cannot take it, and the next run removes it (as it removes
// the ones older versions left beside the file).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

// above Linux's largest pid_max: no process has it
const DEAD_PID = 4_194_305;

it('no temporary file where git add can take it, and leftovers gone after the next run', async () => {
  const repo = tempRepo();
  const rows = Array.from(
    { length: 6000 },
    (_, i) => `| src/module-${i}/index.ts | agent-${i % 7} | T-${i} | 2026-11-26T09:00Z | - | keep ${'x'.repeat(60)} |`,
  );
  repo.write(
    'WORK_STATUS.md',
    repo
      .read('WORK_STATUS.md')
      .replace(
        '| --- | --- | --- | --- | --- | --- |\n',
        `| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
      ),
  );
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '-m', 'Many locks']);
  const tmpDir = path.join(repo.dir, '.git/orch/tmp');

  for (let round = 0; round < 8; round++) {
    const child = spawn(process.execPath, [ORCH_BIN, 'lock', `new/path-${round}.ts`], {
      cwd: repo.dir,
      env: { ...repo.env, ORCH_AGENT: 'killer' },
    });
    const exited = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 300));
    child.kill('SIGKILL');
    await exited;
    // whatever the moment: the working tree holds nothing but the status file's change
    const untracked = repo
      .ok(['status', '--porcelain', '--untracked-files=all'])
      .split('\n')
      .filter((l) => l.startsWith('??'));
    expect(untracked).toEqual([]);
  }
  repo.ok(['add', '-A']);
  expect(
    repo
      .ok(['diff', '--cached', '--name-only'])
      .trim()
      .split('\n')
      .filter(Boolean)
      .every((f) => f === 'WORK_STATUS.md'),
  ).toBe(true);

  // leftovers of dead writers: in the temporary directory, and beside the file (older versions)
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.writeFileSync(path.join(tmpDir, `WORK_STATUS.md.${DEAD_PID}.1.abc123.tmp`), 'half');
  fs.writeFileSync(path.join(repo.dir, `.WORK_STATUS.md.${DEAD_PID}.3.def456.tmp`), 'half');
  const next = repo.orch(['lock', 'final.ts'], { env: { ORCH_AGENT: 'killer' } });
  expect(next.code, next.out).toBe(0);
  expect(fs.readdirSync(tmpDir)).toEqual([]);
  expect(fs.readdirSync(repo.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  expect(repo.read('WORK_STATUS.md')).toContain('| final.ts | killer |');
}, 120_000);
