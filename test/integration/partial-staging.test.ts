import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('judges what is staged, not what is only in the working tree', () => {
  const repo = tempRepo();
  repo.write('a.txt', 'a\n');
  repo.write('locked.txt', 'l\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('base').code).toBe(0);
  expect(repo.orch(['lock', 'locked.txt'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);

  // the locked file is modified but not staged: the commit of a.txt passes
  repo.write('locked.txt', 'changed but unstaged\n');
  repo.write('a.txt', 'a2\n');
  repo.ok(['add', 'a.txt']);
  const r = repo.commit('only a', { env: { ORCH_AGENT: 'other' } });
  expect(r.code, r.out).toBe(0);
  expect(repo.ok(['diff', '--name-only'])).toContain('locked.txt');

  // staging it blocks
  repo.ok(['add', 'locked.txt']);
  expect(repo.commit('now locked too', { env: { ORCH_AGENT: 'other' } }).code).toBe(1);

  // a pathspec commit (git uses a temporary index) of the locked file is judged too
  repo.ok(['reset', '-q']);
  expect(repo.git(['commit', '-q', '-m', 'pathspec', '--', 'locked.txt'], { env: { ORCH_AGENT: 'other' } }).code).toBe(
    1,
  );
});
