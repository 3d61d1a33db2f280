// `git revert` commits without pre-commit (its message has no Agent trailer either). orch
// must not break it; a revert of a locked file is caught over the range, attributed to the
// person who made it.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('revert works untouched, and the range check catches the revert of a locked file', () => {
  const repo = tempRepo();
  const a = { ORCH_AGENT: 'agent-a' };
  repo.write('lib/parse.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a adds the parser', { env: a }).code).toBe(0);
  const added = repo.ok(['rev-parse', 'HEAD']).trim();
  expect(repo.orch(['lock', 'lib/parse.ts'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('b takes the parser', { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  const revert = repo.git(['revert', '--no-edit', added], { env: a });
  expect(revert.code, revert.out).toBe(0);
  expect(revert.out).not.toMatch(/lock-conflict|orch:|internal error/);
  expect(repo.ok(['ls-files', 'lib/parse.ts']).trim()).toBe('');
  expect(repo.ok(['log', '-1', '--format=%s'])).toMatch(/^Revert "a adds the parser"/);
  // the status file is as the revert left it: the revert changed only lib/parse.ts
  expect(repo.ok(['diff', '--name-only', 'HEAD~1', 'HEAD']).trim()).toBe('lib/parse.ts');

  const r = repo.orch(['check', '--range', `${base}..HEAD`, '--format', 'json']);
  expect(r.code, r.out).toBe(1);
  const findings = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'lock-conflict');
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    path: 'lib/parse.ts',
    holder: 'agent-b',
    commit: repo.ok(['rev-parse', 'HEAD']).trim(),
  });
});
