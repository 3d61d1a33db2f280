import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const alice = { ORCH_AGENT: 'alice' };
const logLines = (text: string) => text.split('\n').filter((l) => /^- \d{4}-/.test(l));

function setup(): TempRepo {
  const repo = tempRepo();
  repo.write('a.txt', 'a\n');
  repo.write('b.txt', 'b\n');
  repo.ok(['add', 'a.txt', 'b.txt']);
  expect(repo.commit('base').code).toBe(0);
  expect(repo.orch(['lock', 'a.txt', 'b.txt', '--task', 'T-9'], { env: alice }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('locks', { env: alice }).code).toBe(0);
  return repo;
}

describe('one Log entry per commit, inside that commit, and Agent/Task trailers', () => {
  it('a normal commit', () => {
    const repo = setup();
    repo.write('a.txt', 'a2\n');
    repo.ok(['add', 'a.txt']);
    expect(repo.commit('Change a', { env: alice }).code).toBe(0);
    const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    expect(logLines(committed).pop()).toMatch(/^- \d{4}-\d\d-\d\dT\d\d:\d\dZ alice T-9: M a\.txt$/);
    expect(repo.ok(['show', '--name-only', '--format=', 'HEAD']).split('\n')).toContain('WORK_STATUS.md');
    const message = repo.ok(['log', '-1', '--format=%B']);
    expect(message).toContain('Agent: alice');
    expect(message).toContain('Task: T-9');
    expect(message.match(/Agent: alice/g)).toHaveLength(1);
    expect(repo.ok(['status', '--porcelain'])).toBe(''); // working tree has the entry too
  });

  it('commit -a', () => {
    const repo = setup();
    repo.write('a.txt', 'a3\n');
    expect(repo.commit('All', { env: alice, args: ['-a'] }).code).toBe(0);
    expect(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).pop()).toMatch(/alice T-9: M a\.txt$/);
    expect(repo.ok(['status', '--porcelain'])).toBe('');
  });

  it('a pathspec commit (git uses a temporary index)', () => {
    const repo = setup();
    repo.write('a.txt', 'a4\n');
    repo.write('b.txt', 'b4\n');
    repo.ok(['add', 'b.txt']);
    const r = repo.git(['commit', '-q', '-m', 'Only a', '--', 'a.txt'], { env: alice });
    expect(r.code, r.out).toBe(0);
    expect(repo.ok(['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort()).toEqual([
      'WORK_STATUS.md',
      'a.txt',
    ]);
    expect(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).pop()).toMatch(/alice T-9: M a\.txt$/);
    // b stays staged, and the status file is not left half-staged
    expect(repo.ok(['status', '--porcelain']).trim()).toBe('M  b.txt');
  });

  it('partial staging: the unstaged part stays unstaged', () => {
    const repo = setup();
    repo.write('a.txt', 'staged line\n');
    repo.ok(['add', 'a.txt']);
    repo.write('a.txt', 'staged line\nunstaged line\n');
    // an unstaged hand note in the status file stays unstaged too
    repo.write(
      'WORK_STATUS.md',
      repo.read('WORK_STATUS.md').replace('# Work Status', '# Work Status\n\nNote: unstaged.'),
    );
    expect(repo.commit('Partial', { env: alice }).code).toBe(0);
    expect(repo.ok(['show', 'HEAD:a.txt'])).toBe('staged line\n');
    expect(repo.read('a.txt')).toBe('staged line\nunstaged line\n');
    const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    expect(committed).not.toContain('Note: unstaged.');
    expect(logLines(committed).pop()).toMatch(/alice T-9: M a\.txt$/);
    const working = repo.read('WORK_STATUS.md');
    expect(working).toContain('Note: unstaged.');
    expect(logLines(working).pop()).toBe(logLines(committed).pop());
    expect(repo.ok(['diff', '--stat']).trim()).toMatch(/2 files changed/);
  });

  it('an amend adds no second entry for the same change', () => {
    const repo = setup();
    repo.write('a.txt', 'a5\n');
    repo.ok(['add', 'a.txt']);
    expect(repo.commit('Change a', { env: alice }).code).toBe(0);
    const before = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
    expect(repo.git(['commit', '-q', '--amend', '-m', 'Change a (reworded)'], { env: alice }).code).toBe(0);
    expect(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']))).toEqual(before);
    // amending with more content rewrites HEAD's entry instead of adding one
    repo.write('b.txt', 'b5\n');
    repo.ok(['add', 'b.txt']);
    expect(repo.git(['commit', '-q', '--amend', '--no-edit'], { env: alice }).code).toBe(0);
    const after = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
    expect(after).toHaveLength(before.length);
    expect(after.pop()).toMatch(/alice T-9: M a\.txt, M b\.txt$/);
    const message = repo.ok(['log', '-1', '--format=%B']);
    expect(message.match(/Agent: alice/g)).toHaveLength(1);
  });

  it('a commit that touches only WORK_STATUS.md gets no entry; merge and fixup messages keep no trailer', () => {
    const repo = setup();
    const count = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).length;
    expect(repo.orch(['unlock', 'b.txt'], { env: alice }).code).toBe(0);
    repo.ok(['add', 'WORK_STATUS.md']);
    expect(repo.commit('release b', { env: alice }).code).toBe(0);
    expect(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']))).toHaveLength(count);

    repo.write('a.txt', 'fix\n');
    repo.ok(['add', 'a.txt']);
    expect(repo.commit('fixup! locks', { env: alice }).code).toBe(0);
    expect(repo.ok(['log', '-1', '--format=%B'])).not.toContain('Agent:');
  });

  it('log.enabled false switches the entry off, not the trailer', () => {
    const repo = setup();
    const cfg = JSON.parse(repo.read('.orchrc.json'));
    repo.write('.orchrc.json', JSON.stringify({ ...cfg, log: { enabled: false } }));
    repo.ok(['add', '.orchrc.json']);
    expect(repo.commit('no log').code).toBe(0);
    const count = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).length;
    repo.write('a.txt', 'x\n');
    repo.ok(['add', 'a.txt']);
    expect(repo.commit('quiet', { env: alice }).code).toBe(0);
    expect(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']))).toHaveLength(count);
    expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: alice');
  });
});
