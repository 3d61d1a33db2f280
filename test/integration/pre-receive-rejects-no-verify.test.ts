import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, installHook } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('the pre-receive hook of a bare server rejects a --no-verify commit that changes a locked file', () => {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo();
  const url = `file://${server.dir}`;
  repo.ok(['remote', 'add', 'origin', url]);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts', '--task', 'T-12'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  // the first push creates main on the server: nothing precedes it, and it is clean
  installHook(server.dir, 'pre-receive');
  const first = repo.git(['push', 'origin', 'main']);
  expect(first.code, first.out).toBe(0);

  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  const bad = commitNoVerify(repo, 'frontend tweaks the handler', 'frontend-specialist');
  // --no-verify skips the client's own pre-push hook: the server is the backstop
  const push = repo.git(['push', '--no-verify', 'origin', 'main']);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toMatch(/remote: .*lock-conflict/);
  expect(push.stderr).toContain('services/orders/handler.ts is locked by backend-architect');
  expect(push.stderr).toContain(`${bad.slice(0, 7)} "frontend tweaks the handler" by frontend-specialist`);
  expect(push.stderr).toContain('push rejected');
  expect(push.stderr).toContain('pre-receive hook declined');
  expect(server.ok(['rev-parse', 'main']).trim()).not.toBe(bad);
  // the rejected objects stayed in quarantine
  expect(server.git(['cat-file', '-e', bad]).code).not.toBe(0);

  // the same commit on a new branch: checked from where it leaves what the server has
  const topic = repo.git(['push', '--no-verify', 'origin', 'HEAD:refs/heads/topic']);
  expect(topic.code).not.toBe(0);
  expect(topic.stderr).toContain(`(commit ${bad.slice(0, 7)})`);

  // a clean change goes through
  repo.ok(['reset', '-q', '--hard', 'HEAD~1']);
  repo.write('docs/notes.md', 'notes\n');
  commitNoVerify(repo, 'docs', 'frontend-specialist');
  const ok = repo.git(['push', 'origin', 'main', 'HEAD:refs/heads/topic']);
  expect(ok.code, ok.out).toBe(0);
});
