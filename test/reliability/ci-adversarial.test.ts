// The ways around the local hooks, seen from CI (`orch ci` over a pull request). Signed
// identity and a pull request that switches rules off have their own integration tests
// (signed-identity, pull-request-config-from-base); these are the rest: ORCH_SKIP stays
// visible, and a pull request cannot hide locks by pointing the configuration elsewhere,
// emptying the status file, or naming itself a config owner.
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, githubPullRequest, orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

interface JsonFinding {
  rule: string;
  path: string | null;
  commit?: string;
  message: string;
}

/** main with backend's lock on services/orders/, pushed; returns the base sha. */
function lockedBase(repo: TempRepo): string {
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  repo.ok(['push', '-q', 'origin', 'main']);
  return repo.ok(['rev-parse', 'HEAD']).trim();
}

it('commits made with ORCH_SKIP are named in CI, and what they skipped is judged there', () => {
  const { repo } = serverAndClone(tempRepo);
  const base = lockedBase(repo);
  repo.ok(['checkout', '-q', '-b', 'feature/skip']);
  const fe = { ORCH_AGENT: 'frontend-specialist' };
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  repo.ok(['add', '-A']);
  const all = repo.commit('skip everything', { env: { ...fe, ORCH_SKIP: '1' } });
  expect(all.code, all.out).toBe(0);
  const skippedAll = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.write('services/orders/handler.ts', 'export const v = 3;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('skip the lock rule', { env: { ...fe, ORCH_SKIP: 'lock-conflict' } }).code).toBe(0);
  const skippedRule = repo.ok(['rev-parse', 'HEAD']).trim();
  expect(repo.ok(['log', '-1', '--format=%B', skippedAll])).toContain('Orch-Skip: all');
  expect(repo.ok(['log', '-1', '--format=%B', skippedRule])).toContain('Orch-Skip: lock-conflict');

  for (const format of ['json', 'human', 'github']) {
    const r = orchCi(repo, ['--format', format], { env: githubPullRequest(repo, base, skippedRule) });
    expect(r.code, r.out).toBe(1);
    // both commits are named as made while skipping
    expect(r.out).toContain(skippedAll.slice(0, 7));
    expect(r.out).toContain(skippedRule.slice(0, 7));
    expect(r.out).toMatch(/ORCH_SKIP/);
    if (format === 'json') {
      const findings = (JSON.parse(r.stdout).findings as JsonFinding[]).filter((f) => f.rule === 'lock-conflict');
      expect(findings.map((f) => f.commit).sort()).toEqual([skippedAll, skippedRule].sort());
    }
  }
});

it('a pull request cannot hide the locks: another statusFile, an emptied status file, itself as config owner', () => {
  const { repo } = serverAndClone(tempRepo);
  const base = lockedBase(repo);
  repo.ok(['checkout', '-q', '-b', 'feature/hide']);
  const config = JSON.parse(repo.read('.orchrc.json'));
  config.statusFile = 'EMPTY_STATUS.md';
  config.configOwners = ['frontend-specialist'];
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.write('EMPTY_STATUS.md', '# Work Status\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n');
  const hide = commitNoVerify(repo, 'point orch at an empty file', 'frontend-specialist');
  // and the real status file, emptied of backend's lock
  repo.write('WORK_STATUS.md', repo.read('WORK_STATUS.md').replace(/^\| services\/orders\/ .*\n/m, ''));
  const wipe = commitNoVerify(repo, 'tidy the status file', 'frontend-specialist');
  repo.write('services/orders/handler.ts', 'export const v = 9;\n');
  const edit = commitNoVerify(repo, 'edit the locked handler', 'frontend-specialist');

  const r = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, edit) });
  expect(r.code, r.out).toBe(1);
  const findings = JSON.parse(r.stdout).findings as JsonFinding[];
  const has = (rule: string, path: string, commit: string) =>
    findings.some((f) => f.rule === rule && f.path === path && f.commit === commit);
  expect(has('contract-owner', '.orchrc.json', hide), r.stdout).toBe(true);
  expect(has('status-integrity', 'WORK_STATUS.md', wipe), r.stdout).toBe(true);
  expect(has('lock-conflict', 'services/orders/handler.ts', edit), r.stdout).toBe(true);
});
