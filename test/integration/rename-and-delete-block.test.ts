import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

function lockedRepo() {
  const repo = tempRepo();
  repo.write('src/billing/invoice.ts', 'export const invoice = 1;\n'.repeat(20));
  repo.ok(['add', '-A']);
  expect(repo.commit('base').code).toBe(0);
  expect(repo.orch(['lock', 'src/billing/invoice.ts'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('lock', { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  return repo;
}

it('blocks a rename out of a locked path', () => {
  const repo = lockedRepo();
  repo.ok(['mv', 'src/billing/invoice.ts', 'src/invoice.ts']);
  const r = repo.commit('move it', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('src/billing/invoice.ts (rename source) is locked by backend-architect');
});

it('blocks deleting a locked path', () => {
  const repo = lockedRepo();
  repo.ok(['rm', '-q', 'src/billing/invoice.ts']);
  const r = repo.commit('delete it', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('src/billing/invoice.ts is locked by backend-architect');
});
