// A clean `git merge` runs no pre-commit: orch must not get in its way. Both branches add
// locks and Log entries through real commits; the merge (through the status merge driver)
// keeps all of them, and committing after it records as before.
import { afterAll, expect, it } from 'vitest';
import { readStatus } from '../../src/status/readStatus.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const entries = (t: string) => t.split('\n').filter((l) => /^- \d{4}-/.test(l));

it('a clean merge: no hook output, nothing lost, and the next commit records as before', () => {
  const repo = tempRepo();
  const a = { ORCH_AGENT: 'agent-a' };
  const b = { ORCH_AGENT: 'agent-b' };
  repo.ok(['checkout', '-q', '-b', 'feature']);
  expect(repo.orch(['lock', 'web/app.ts'], { env: b }).code).toBe(0);
  repo.write('web/app.ts', 'export {};\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('b adds the app', { env: b }).code).toBe(0);
  repo.ok(['checkout', '-q', 'main']);
  expect(repo.orch(['lock', 'api/server.ts'], { env: a }).code).toBe(0);
  repo.write('api/server.ts', 'export {};\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a adds the server', { env: a }).code).toBe(0);
  const mainEntries = entries(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
  const featureEntries = entries(repo.ok(['show', 'feature:WORK_STATUS.md']));

  const merge = repo.git(['merge', '--no-edit', 'feature'], { env: a });
  expect(merge.code, merge.out).toBe(0);
  expect(merge.out).not.toMatch(/orch|lock-conflict|internal error/);
  expect(repo.ok(['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ')).toHaveLength(3);
  const merged = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(merged).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
  for (const e of new Set([...mainEntries, ...featureEntries])) expect(entries(merged)).toContain(e);
  // the lock rows of both sides
  expect(
    readStatus(repo.read('WORK_STATUS.md'))
      .locks.map((l) => `${l.agent} ${l.path}`)
      .sort(),
  ).toEqual(['agent-a api/server.ts', 'agent-b web/app.ts']);

  // and after the merge, hooks work as before: b's lock still binds a
  repo.write('web/app.ts', 'export const x = 1;\n');
  repo.ok(['add', '-A']);
  const blocked = repo.commit("a edits b's file", { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('is locked by agent-b');
  repo.ok(['reset', '-q', '--hard']);
  repo.write('api/server.ts', 'export const y = 2;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a edits its own file', { env: a }).code).toBe(0);
  expect(entries(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).length).toBe(entries(merged).length + 1);
});
