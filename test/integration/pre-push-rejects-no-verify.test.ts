import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, installHook, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('pre-push rejects a --no-verify commit that changes a file locked by another agent, naming the commit', () => {
  const { server, repo } = serverAndClone(tempRepo);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts', '--task', 'T-12'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  installHook(path.join(repo.dir, '.git'), 'pre-push');
  const first = repo.git(['push', '-q', 'origin', 'main']);
  expect(first.code, first.out).toBe(0);

  // another agent edits the locked file and skips every local hook
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  repo.write('web/app.ts', 'export {};\n');
  const bad = commitNoVerify(repo, 'frontend tweaks the handler', 'frontend-specialist');

  const push = repo.git(['push', 'origin', 'main']);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain('lock-conflict');
  expect(push.stderr).toContain('services/orders/handler.ts is locked by backend-architect');
  expect(push.stderr).toContain(`${bad.slice(0, 7)} "frontend tweaks the handler" by frontend-specialist`);
  expect(push.stderr).toContain('push blocked');
  expect(push.stderr).not.toContain('web/app.ts');
  expect(server.ok(['rev-parse', 'main']).trim()).not.toBe(bad);

  // the same range as JSON names the full commit
  const json = repo.orch(['check', '--range', 'origin/main..main', '--format', 'json']);
  expect(json.code).toBe(1);
  const report = JSON.parse(json.stdout);
  expect(report.findings).toEqual([
    expect.objectContaining({
      rule: 'lock-conflict',
      path: 'services/orders/handler.ts',
      commit: bad,
      holder: 'backend-architect',
    }),
  ]);

  // the holder's own commit of the same file goes through
  repo.ok(['reset', '-q', '--hard', 'origin/main']);
  repo.write('services/orders/handler.ts', 'export const v = 3;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend updates the handler', { env: backend }).code).toBe(0);
  const ok = repo.git(['push', 'origin', 'main']);
  expect(ok.code, ok.out).toBe(0);
});
