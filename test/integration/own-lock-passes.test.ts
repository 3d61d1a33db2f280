import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('lets an agent commit a file it has locked itself', () => {
  const repo = tempRepo();
  const agent = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: agent }).code).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\n');
  repo.ok(['add', '-A']);
  const r = repo.commit('add the api', { env: agent });
  expect(r.code, r.out).toBe(0);
  expect(repo.ok(['log', '--format=%s'])).toContain('add the api');
  expect(repo.read('WORK_STATUS.md')).toMatch(/\| api\/openapi\.yaml \| backend-architect \| T-12 \|/);
});
