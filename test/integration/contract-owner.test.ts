import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('API contracts belong to their owner, who must also hold a lock (requireLock)', () => {
  const repo = tempRepo();
  const owner = { ORCH_AGENT: 'backend-architect' };
  const other = { ORCH_AGENT: 'frontend-specialist' };
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths: {}\n');
  repo.ok(['add', 'api/openapi.yaml']);

  const stranger = repo.commit('frontend writes the contract', { env: other });
  expect(stranger.code).toBe(1);
  expect(stranger.stderr).toContain('contract-owner');
  expect(stranger.stderr).toContain('backend-architect');

  const unlocked = repo.commit('owner without a lock', { env: owner });
  expect(unlocked.code).toBe(1);
  expect(unlocked.stderr).toContain('contract-owner');
  expect(unlocked.stderr).toContain('orch lock api/openapi.yaml');

  expect(repo.orch(['lock', 'api/openapi.yaml', '--task', 'T-3'], { env: owner }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  const ok = repo.commit('owner with a lock', { env: owner });
  expect(ok.code, ok.out).toBe(0);

  // a rename out of a contract path is a change to the contract
  repo.ok(['mv', 'api/openapi.yaml', 'api-notes.yaml']);
  const moved = repo.commit('frontend moves it away', { env: other });
  expect(moved.code).toBe(1);
  expect(moved.stderr).toContain('contract-owner');
});
