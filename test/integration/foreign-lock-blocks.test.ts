import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("blocks a commit that changes another agent's locked file, saying who holds it and what to do", () => {
  const repo = tempRepo();
  const owner = { ORCH_AGENT: 'backend-architect' };
  expect(
    repo.orch(['lock', 'api/openapi.yaml', '--task', 'T-12', '--ttl', '8h', '--note', 'v2 orders'], { env: owner })
      .code,
  ).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('contract and lock', { env: owner }).code).toBe(0);

  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: {}\n');
  repo.ok(['add', 'api/openapi.yaml']);
  const r = repo.commit('frontend edits the contract', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('lock-conflict');
  expect(r.stderr).toContain('api/openapi.yaml is locked by backend-architect');
  expect(r.stderr).toContain('task T-12');
  expect(r.stderr).toMatch(/since \d{4}-\d\d-\d\dT\d\d:\d\dZ/);
  expect(r.stderr).toMatch(/until \d{4}-\d\d-\d\dT\d\d:\d\dZ/);
  // a contract frontend-specialist does not own: taking the lock over would not unblock it
  expect(r.stderr).not.toContain('--steal');
  expect(r.stderr).toContain('ask backend-architect (the owner) to make it');
  expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  expect(repo.ok(['log', '--format=%s'])).not.toContain('frontend edits');

  // the same check as JSON, for agents
  const json = repo.orch(['check', '--staged', '--format', 'json'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(json.code).toBe(1);
  const report = JSON.parse(json.stdout);
  expect(report).toMatchObject({ ok: false, context: 'check', agent: 'frontend-specialist' });
  expect(report.findings[0]).toMatchObject({
    rule: 'lock-conflict',
    severity: 'error',
    path: 'api/openapi.yaml',
    holder: 'backend-architect',
  });
  expect(report.findings[0].fix).toContain('ask backend-architect');

  // names compare case-insensitively, and a leading @ is not part of a name
  expect(repo.commit('holder commits', { env: { ORCH_AGENT: '@Backend-Architect' } }).code).toBe(0);
});
