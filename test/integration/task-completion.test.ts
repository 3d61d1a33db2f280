import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch done, then a commit without orchestration-index.md is blocked; with it, it passes', () => {
  const repo = tempRepo();
  const dev = { ORCH_AGENT: 'backend-architect' };
  repo.write('orchestration-index.md', '# Orchestration index\n');
  repo.ok(['add', 'orchestration-index.md']);
  expect(repo.commit('index').code).toBe(0);
  expect(repo.orch(['lock', 'src/orders.ts', '--task', 'T-12'], { env: dev }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('lock', { env: dev }).code).toBe(0);

  repo.write('src/orders.ts', 'export const orders = [];\n');
  const done = repo.orch(['done', 'T-12'], { env: dev });
  expect(done.code, done.out).toBe(0);
  expect(done.stdout).toContain('released 1 lock');
  expect(repo.read('WORK_STATUS.md')).toMatch(/backend-architect done T-12: released src\/orders\.ts/);
  expect(repo.read('WORK_STATUS.md')).not.toMatch(/^\| src\/orders\.ts/m);

  repo.ok(['add', 'src/orders.ts', 'WORK_STATUS.md']);
  const blocked = repo.commit('Orders done', { env: dev });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('task-completion');
  expect(blocked.stderr).toContain('T-12');
  expect(blocked.stderr).toContain('orchestration-index.md');

  repo.write('orchestration-index.md', '# Orchestration index\n\n- T-12 orders endpoint: src/orders.ts\n');
  repo.ok(['add', 'orchestration-index.md']);
  const ok = repo.commit('Orders done', { env: dev });
  expect(ok.code, ok.out).toBe(0);
});
