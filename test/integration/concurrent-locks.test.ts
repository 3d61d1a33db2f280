import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

function orchAsync(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ORCH_BIN, ...args], { cwd: repo.dir, env: { ...repo.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

it('20 orch lock processes at once on distinct paths leave 20 rows', async () => {
  const repo = tempRepo();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => orchAsync(repo, ['lock', `src/file-${i}.ts`], { ORCH_AGENT: `agent-${i}` })),
  );
  for (const r of results) expect(r.code, r.out).toBe(0);
  const text = repo.read('WORK_STATUS.md');
  for (let i = 0; i < 20; i++) expect(text).toContain(`| src/file-${i}.ts | agent-${i} |`);
  expect(text.match(/^\| src\/file-/gm)).toHaveLength(20);
});

it('8 agents locking the same path at once leave exactly one holder', async () => {
  const repo = tempRepo();
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => orchAsync(repo, ['lock', 'api/openapi.yaml'], { ORCH_AGENT: `agent-${i}` })),
  );
  const winners = results.filter((r) => r.code === 0);
  const losers = results.filter((r) => r.code !== 0);
  expect(winners).toHaveLength(1);
  for (const l of losers) {
    expect(l.code).toBe(1);
    expect(l.out).toContain('held by agent-');
  }
  expect(repo.read('WORK_STATUS.md').match(/^\| api\/openapi\.yaml \|/gm)).toHaveLength(1);
});
