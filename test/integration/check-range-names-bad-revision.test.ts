// `orch check --range A..B` with a side that is not a commit names that revision and the
// option it came from (not another option), exit 2, no report.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('names the unresolvable revision and --range', () => {
  const repo = tempRepo();
  const base = repo.orch(['check', '--range', 'nope..HEAD']);
  expect(base.code).toBe(2);
  expect(base.stderr).toContain('orch check --range nope..HEAD: the base nope is not a commit in this repository');
  expect(base.stderr).toContain('--range value');
  expect(base.stderr).not.toContain('--base');
  const head = repo.orch(['check', '--range', 'HEAD..no-such-branch', '--format', 'json']);
  expect(head.code).toBe(2);
  expect(head.stderr).toContain('orch check --range HEAD..no-such-branch: no-such-branch is not a commit');
  expect(head.stderr).not.toContain('--head');
  expect(head.stdout).toBe('');
  // a range that resolves still checks
  expect(repo.orch(['check', '--range', 'HEAD..HEAD']).code).toBe(0);
});
