import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('SIGKILL at random points of a status write leaves the file as it was before or after, never torn', async () => {
  const repo = tempRepo();
  const rows = Array.from(
    { length: 4000 },
    (_, i) => `| src/module-${i}/index.ts | agent-${i % 7} | T-${i} | 2026-11-26T09:00Z | - | keep ${'x'.repeat(40)} |`,
  );
  const original = repo
    .read('WORK_STATUS.md')
    .replace('| --- | --- | --- | --- | --- | --- |\n', `| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`);
  let before = original;
  const outcomes = { before: 0, after: 0 };
  for (let round = 0; round < 12; round++) {
    repo.write('WORK_STATUS.md', before);
    const child = spawn(process.execPath, [ORCH_BIN, 'lock', `new/path-${round}.ts`], {
      cwd: repo.dir,
      env: { ...repo.env, ORCH_AGENT: 'killer' },
    });
    const exited = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 260));
    child.kill('SIGKILL');
    await exited;
    const now = repo.read('WORK_STATUS.md');
    if (now === before) outcomes.before++;
    else {
      expect(now.split('\n').length).toBe(before.split('\n').length + 1);
      expect(now).toContain(`| new/path-${round}.ts | killer |`);
      expect(now.replace(/^\| new\/path-\d+\.ts \| killer .*\n/m, '')).toBe(before);
      outcomes.after++;
      before = now;
    }
  }
  expect(outcomes.before + outcomes.after).toBe(12);
  // orch's own lock file, left by a killed process, is recovered: the next lock works
  const next = repo.orch(['lock', 'final.ts'], { env: { ORCH_AGENT: 'killer' } });
  expect(next.code, next.out).toBe(0);
});
