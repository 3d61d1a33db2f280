import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, githubPullRequest, orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a pull request that switches rules off in .orchrc.json is still judged by the base configuration', () => {
  const { repo } = serverAndClone(tempRepo);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  repo.ok(['push', '-q', 'origin', 'main']);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  repo.ok(['checkout', '-q', '-b', 'feature/quiet']);
  const config = JSON.parse(repo.read('.orchrc.json'));
  config.rules = { ...config.rules, 'lock-conflict': 'off', 'contract-owner': 'off' };
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  const quiet = commitNoVerify(repo, 'switch the noisy rules off', 'frontend-specialist');
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  const edit = commitNoVerify(repo, 'edit the locked handler', 'frontend-specialist');

  // the head's configuration would pass it
  expect(JSON.parse(repo.read('.orchrc.json')).rules['lock-conflict']).toBe('off');
  const r = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, edit) });
  expect(r.code, r.out).toBe(1);
  const findings = JSON.parse(r.stdout).findings as { rule: string; path: string; commit: string }[];
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ rule: 'contract-owner', path: '.orchrc.json', commit: quiet }),
      expect.objectContaining({ rule: 'lock-conflict', path: 'services/orders/handler.ts', commit: edit }),
    ]),
  );
  expect(findings).toHaveLength(2);

  // a person may change the configuration; the base still decides for this range
  repo.ok(['reset', '-q', '--hard', base]);
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  const byPerson = commitNoVerify(repo, 'relax the rules');
  const p = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, byPerson) });
  expect(p.code, p.out).toBe(0);
});
