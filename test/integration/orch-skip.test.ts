import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('ORCH_SKIP=1 lets the commit through and says so; ORCH_SKIP=<rule> skips only that rule', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', 'x.txt'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  repo.write('x.txt', 'x\n');
  repo.ok(['add', 'x.txt']);
  const skipAll = repo.commit('skip all', { env: { ORCH_AGENT: 'other', ORCH_SKIP: '1' } });
  expect(skipAll.code, skipAll.out).toBe(0);
  expect(skipAll.stderr).toContain('ORCH_SKIP=1');
  expect(skipAll.stderr).toContain('skipped');

  repo.write('x.txt', 'y\n');
  repo.ok(['add', 'x.txt']);
  const skipRule = repo.commit('skip rule', { env: { ORCH_AGENT: 'other', ORCH_SKIP: 'lock-conflict' } });
  expect(skipRule.code, skipRule.out).toBe(0);
  expect(skipRule.stderr).toContain('skipped lock-conflict');

  repo.write('x.txt', 'z\n');
  repo.ok(['add', 'x.txt']);
  const skipOther = repo.commit('skip another rule', { env: { ORCH_AGENT: 'other', ORCH_SKIP: 'no-placeholder' } });
  expect(skipOther.code).toBe(1);

  const bad = repo.commit('typo', { env: { ORCH_AGENT: 'other', ORCH_SKIP: 'lock-conflct' } });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('unknown rule');
});
