// Which merges dropped another side's change: driven through real git in a temp repository.
import { afterAll, describe, expect, it } from 'vitest';
import { oneSidedMerges, protectedChanges } from '../../../src/range/oneSidedMerges.js';
import { rangeLogQuery } from '../../../src/git/rangeLogQuery.js';
import { ask } from '../../../src/git/runGit.js';
import { cleanupAll, tempRepo, type TempRepo } from '../../helpers/tempRepo.js';
import type { Lock } from '../../../src/types.js';

afterAll(cleanupAll);

const config = {
  statusFile: 'WORK_STATUS.md',
  contracts: [{ name: 'api', paths: ['**/openapi.yaml'], owners: ['backend'], requireLock: false }],
};
const lock = (path: string): Lock => ({ path, agent: 'backend', line: 1 });

function history(): { repo: TempRepo; fork: string; main: string } {
  const repo = tempRepo({ init: false });
  repo.write('a.txt', 'a0\n');
  repo.write('b.txt', 'b0\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'start']);
  const fork = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.write('a.txt', 'a1\n');
  repo.ok(['commit', '-q', '-am', 'main changes a']);
  const main = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.ok(['checkout', '-q', '-b', 'side', fork]);
  repo.write('b.txt', 'b1\n');
  repo.ok(['commit', '-q', '-am', 'side changes b']);
  return { repo, fork, main };
}

async function commitsOf(repo: TempRepo, range: string) {
  return ask(rangeLogQuery([range]), { cwd: repo.dir, env: 'clean' });
}

describe('oneSidedMerges', () => {
  it('names a merge that kept its own side of a path the other side changed', async () => {
    const { repo, main } = history();
    repo.ok(['merge', '-q', '-s', 'ours', '--no-edit', main]);
    const commits = await commitsOf(repo, `${main}..side`);
    const found = await oneSidedMerges(commits, ['a.txt', 'b.txt'], { cwd: repo.dir, env: 'clean' });
    expect(found).toEqual([
      { index: commits.length - 1, from: main, files: [expect.objectContaining({ status: 'M', path: 'a.txt' })] },
    ]);
  });

  it('leaves a clean merge alone', async () => {
    const { repo, main } = history();
    repo.ok(['merge', '-q', '--no-edit', main]);
    const commits = await commitsOf(repo, `${main}..side`);
    expect(await oneSidedMerges(commits, ['a.txt', 'b.txt'], { cwd: repo.dir, env: 'clean' })).toEqual([]);
  });

  it('names a merge that took the other side of a path both sides changed, against the side it dropped', async () => {
    const { repo, main } = history();
    repo.write('a.txt', 'a-side\n');
    repo.ok(['commit', '-q', '-am', 'side changes a too']);
    const mine = repo.ok(['rev-parse', 'HEAD']).trim();
    repo.git(['merge', '-q', '--no-edit', main]);
    repo.ok(['checkout', main, '--', 'a.txt']);
    repo.ok(['commit', '-q', '--no-edit']);
    const commits = await commitsOf(repo, `${main}..side`);
    const found = await oneSidedMerges(commits, ['a.txt'], { cwd: repo.dir, env: 'clean' });
    expect(found).toEqual([
      expect.objectContaining({ from: mine, files: [expect.objectContaining({ path: 'a.txt' })] }),
    ]);
  });
});

describe('protectedChanges', () => {
  it('keeps the status file, configuration files, locked and contract paths, and their case twins', () => {
    const net = [
      'WORK_STATUS.md',
      '.ORCHRC.json',
      'src/App.js',
      'api/OpenAPI.yaml',
      'docs/readme.md',
      'src/other.js',
    ].map((path) => ({ status: 'M' as const, path }));
    expect(protectedChanges(net, { config, locks: [lock('src/app.js')] }).map((f) => f.path)).toEqual([
      'WORK_STATUS.md',
      '.ORCHRC.json',
      'src/App.js',
      'api/OpenAPI.yaml',
    ]);
  });

  it('counts a rename out of a protected path', () => {
    const net = [{ status: 'R' as const, path: 'tmp/x.js', oldPath: 'src/app.js' }];
    expect(protectedChanges(net, { config, locks: [lock('src/')] })).toHaveLength(1);
  });
});
