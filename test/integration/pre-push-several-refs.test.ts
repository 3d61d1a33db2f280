import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, installHook, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('checks every ref of one push, skips deletions, and lets a clean push through', () => {
  const { server, repo } = serverAndClone(tempRepo);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('handler', { env: backend }).code).toBe(0);
  repo.ok(['branch', 'old-topic']);
  installHook(path.join(repo.dir, '.git'), 'pre-push');
  expect(repo.git(['push', '-q', 'origin', 'main', 'old-topic']).code).toBe(0);

  repo.ok(['checkout', '-q', '-b', 'clean-topic']);
  repo.write('docs/readme.md', 'hello\n');
  const docs = commitNoVerify(repo, 'docs only');
  repo.ok(['checkout', '-q', '-b', 'bad-topic', 'main']);
  repo.write('services/orders/handler.ts', 'export const v = 3;\n');
  const bad = commitNoVerify(repo, 'sneaky handler edit');

  const both = repo.git(['push', 'origin', 'clean-topic', 'bad-topic', ':old-topic']);
  expect(both.code).not.toBe(0);
  expect(both.stderr).toContain(`(commit ${bad.slice(0, 7)})`);
  expect(both.stderr).toContain(`${bad.slice(0, 7)} "sneaky handler edit" by person@example.test`);
  expect(both.stderr).not.toContain(`(commit ${docs.slice(0, 7)})`);
  // both were made without orch's hooks, and the report says so once for the push
  expect(both.stderr).toMatch(/2 commits carry no Agent: trailer .*"docs only".*"sneaky handler edit"/);
  // git rejects the whole push: the deletion did not happen either
  expect(server.git(['rev-parse', '--verify', '-q', 'refs/heads/old-topic']).code).toBe(0);

  const clean = repo.git(['push', 'origin', 'clean-topic', ':old-topic']);
  expect(clean.code, clean.out).toBe(0);
  expect(server.git(['rev-parse', '--verify', '-q', 'refs/heads/old-topic']).code).not.toBe(0);
  expect(server.ok(['rev-parse', 'clean-topic']).trim()).toBe(docs);
});
