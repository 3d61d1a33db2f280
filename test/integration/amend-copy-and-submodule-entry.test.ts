// An amend's Log entry describes the whole amended change (HEAD^ → index) and must read it
// as a normal commit does: a copy is a copy, a submodule pointer is a change, even where
// `diff.ignoreSubmodules` hides submodules from `git diff`.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const FILE_PROTOCOL = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'protocol.file.allow', GIT_CONFIG_VALUE_0: 'always' };
const alice = { ORCH_AGENT: 'alice' };
const lastEntry = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^- \d{4}-/.test(l))
    .pop() ?? '';
/** The entry without its time: what it says the commit did. */
const shape = (entry: string) => entry.replace(/^- \S+ /, '');

it('git commit --amend of a commit that copies a file and moves a submodule gets the entry a plain commit gets', () => {
  const lib = tempRepo({ init: false, name: 'lib' });
  lib.write('README.md', 'v1\n');
  lib.ok(['add', '-A']);
  lib.ok(['commit', '-q', '-m', 'v1']);
  const repo = tempRepo();
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
  repo.write('a.txt', lines);
  repo.ok(['add', 'a.txt']);
  repo.ok(['submodule', 'add', '-q', lib.dir, 'vendor/lib'], { env: FILE_PROTOCOL });
  repo.ok(['commit', '-q', '-m', 'base']);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.ok(['config', 'diff.ignoreSubmodules', 'all']);
  lib.write('README.md', 'v2\n');
  lib.ok(['commit', '-q', '-am', 'v2']);
  repo.ok(['pull', '-q', 'origin', 'main'], { cwd: `${repo.dir}/vendor/lib`, env: FILE_PROTOCOL });

  // the change: a.txt copied to c.txt and edited, the submodule moved to v2
  const stageChange = () => {
    repo.write('c.txt', lines);
    repo.write('a.txt', `${lines}line 21\n`);
    repo.ok(['add', 'a.txt', 'c.txt', 'vendor/lib']);
  };
  stageChange();
  const plain = repo.commit('copy a and move lib', { env: alice });
  expect(plain.code, plain.out).toBe(0);
  const plainEntry = lastEntry(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
  expect(plainEntry).toMatch(/ alice: .*C a\.txt -> c\.txt/);
  expect(plainEntry).toContain('M vendor/lib');

  // the same change again from the base, in two steps: a first commit, then an amend
  // that brings the copy and the submodule
  repo.ok(['reset', '-q', '--hard', base]);
  repo.write('a.txt', `${lines}line 21\n`);
  repo.ok(['add', 'a.txt']);
  const first = repo.commit('edit a', { env: alice });
  expect(first.code, first.out).toBe(0);
  stageChange();
  const amend = repo.git(['commit', '-q', '--amend', '-m', 'copy a and move lib'], { env: alice });
  expect(amend.code, amend.out).toBe(0);

  expect(repo.ok(['rev-parse', 'HEAD^']).trim()).toBe(base);
  const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(shape(lastEntry(committed))).toBe(shape(plainEntry));
  // one entry for the amended commit, not one per step
  const before = repo.ok(['show', `${base}:WORK_STATUS.md`]).split('\n').length;
  expect(committed.split('\n').length).toBe(before + 1);
});
