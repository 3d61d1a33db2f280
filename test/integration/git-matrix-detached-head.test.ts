// Commits on a detached HEAD (a bisect, a CI checkout, `git checkout <sha>`): no branch name
// to go by, and the checks and the record step work the same.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('on a detached HEAD a foreign lock blocks, a free change is recorded, container rules do not stumble', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', 'api/'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('b takes api/', { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.ok(['checkout', '-q', '--detach', 'HEAD']);
  expect(repo.git(['symbolic-ref', '-q', 'HEAD']).code).toBe(1);
  const a = { ORCH_AGENT: 'agent-a' };

  repo.write('api/x.ts', 'x\n');
  repo.ok(['add', '-A']);
  const blocked = repo.commit('a touches api', { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('is locked by agent-b');
  repo.ok(['reset', '-q', '--hard']);
  repo.git(['clean', '-fdq']);

  // a Dockerfile (container-review consults branches) and a plain file, detached
  repo.write('services/web/Dockerfile', 'FROM node:20\n');
  repo.write('services/web/index.ts', 'export {};\n');
  repo.ok(['add', '-A']);
  const ok = repo.commit('a adds a service', { env: a });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).not.toMatch(/\n\s+at [^\n]*:\d+:\d+|internal error/);
  expect(repo.git(['symbolic-ref', '-q', 'HEAD']).code).toBe(1);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*services\/web\/index\.ts/);
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: agent-a');
  expect(repo.orch(['status', '--format', 'json']).code).toBe(0);
});
