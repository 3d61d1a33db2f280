// A contract glob such as `**/*a*a*a*a*a*a*a*b` backtracks for minutes on a 70-character
// file name, and every check matches every changed path against every contract. Contract,
// service and review globs get the complexity limit of lock globs: a configuration that
// holds one is refused when it is read (exit 2, naming the key), before any path is matched.
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const COSTLY = '**/*a*a*a*a*a*a*a*b';

it('a costly contract, service or review glob is refused with exit 2 and its key at pre-commit, orch check and orch ci', () => {
  const repo = tempRepo();
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  const config = JSON.parse(repo.read('.orchrc.json'));
  const contracts = [...config.contracts, { name: 'slow', paths: [COSTLY], owners: ['backend-architect'] }];
  repo.write(
    '.orchrc.json',
    JSON.stringify({ ...config, contracts, review: { paths: ['**/Dockerfile', 'x/**/*a*a*a*a*b'] } }, null, 2),
  );
  repo.write(`src/${'a'.repeat(70)}`, 'x\n');
  repo.ok(['add', '-A']);

  // git turns any refusal of the hook into its own exit 1; the hook itself exits 2 (orch check below)
  const commit = repo.commit('a slow contract');
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain(
    `contracts[${contracts.length - 1}].paths[0]: the glob "${COSTLY}" is too costly to match: it has 8 wildcards (at most 3)`,
  );
  expect(commit.stderr).toContain('review.paths[1]');
  expect(commit.stderr).not.toMatch(/\n\s+at /);
  const check = repo.orch(['check', '--staged']);
  expect(check.code).toBe(2);
  expect(check.stderr).toContain(`contracts[${contracts.length - 1}].paths[0]`);

  // committed anyway: the range's checks read the configuration of the head's commits too
  commitNoVerify(repo, 'a slow contract');
  repo.write('src/next.txt', 'y\n');
  const after = commitNoVerify(repo, 'later');
  const ci = orchCi(repo, ['--base', `${after}~1`, '--head', after]);
  expect(ci.code).toBe(2);
  expect(ci.stderr).toContain('too costly to match');
  expect(repo.ok(['rev-parse', `${after}~2`]).trim()).toBe(base);
});
