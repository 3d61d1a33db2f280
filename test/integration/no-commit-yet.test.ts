import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('checks the very first commit of a repository', () => {
  const repo = tempRepo({ commitSetup: false });
  expect(repo.git(['rev-parse', '--verify', '-q', 'HEAD']).code).not.toBe(0);
  expect(repo.orch(['lock', 'README.md'], { env: { ORCH_AGENT: 'docs-writer' } }).code).toBe(0);
  repo.write('README.md', '# hello\n');
  repo.ok(['add', 'README.md', 'WORK_STATUS.md']);
  const blocked = repo.commit('first', { env: { ORCH_AGENT: 'someone-else' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('README.md is locked by docs-writer');
  const r = repo.commit('first', { env: { ORCH_AGENT: 'docs-writer' } });
  expect(r.code, r.out).toBe(0);
  expect(repo.ok(['show', '--name-only', '--format=', 'HEAD'])).toContain('README.md');
});
