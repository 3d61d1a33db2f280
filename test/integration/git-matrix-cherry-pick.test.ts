// `git cherry-pick` commits without pre-commit. orch must not break it; a picked change to a
// file another agent has locked since is caught over the range (pre-push, CI).
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('cherry-pick works untouched, and the range check names the picked commit that changes a locked file', () => {
  const repo = tempRepo();
  const a = { ORCH_AGENT: 'agent-a' };
  const b = { ORCH_AGENT: 'agent-b' };
  repo.ok(['checkout', '-q', '-b', 'hotfix']);
  repo.write('api/orders.ts', 'export const fixed = true;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a fixes orders', { env: a }).code).toBe(0);
  repo.write('docs/free.md', 'notes\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a writes notes', { env: a }).code).toBe(0);
  const [fix, notes] = repo.ok(['rev-list', '-n', '2', 'HEAD']).trim().split('\n').reverse();

  repo.ok(['checkout', '-q', 'main']);
  expect(repo.orch(['lock', 'api/'], { env: b }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('b takes api/', { env: b }).code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  const pick = repo.git(['cherry-pick', fix, notes], { env: a });
  expect(pick.code, pick.out).toBe(0);
  expect(pick.out).not.toMatch(/lock-conflict|orch:|internal error/);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
  expect(repo.ok(['show', 'HEAD~1:api/orders.ts'])).toContain('fixed');

  const r = repo.orch(['check', '--range', `${base}..HEAD`, '--format', 'json']);
  expect(r.code, r.out).toBe(1);
  const findings = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'lock-conflict');
  expect(findings.map((f: { path: string; holder: string }) => `${f.path} ${f.holder}`)).toEqual([
    'api/orders.ts agent-b',
  ]);
  expect(findings[0].commit).toBe(repo.ok(['rev-parse', 'HEAD~1']).trim());
});
