import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, installHook, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('pushing a new branch checks only the commits the remote does not have yet', () => {
  const { repo } = serverAndClone(tempRepo);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  // an old offence, already on the remote before anyone installed the pre-push hook
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  const old = commitNoVerify(repo, 'old offence', 'frontend-specialist');
  // (pushed past the pre-push hook that orch init installed)
  repo.ok(['push', '-q', '--no-verify', 'origin', 'main']);
  installHook(path.join(repo.dir, '.git'), 'pre-push');

  repo.ok(['checkout', '-q', '-b', 'feature/docs']);
  repo.write('docs/a.md', 'a\n');
  commitNoVerify(repo, 'docs a', 'frontend-specialist');
  repo.write('docs/b.md', 'b\n');
  commitNoVerify(repo, 'docs b', 'frontend-specialist');
  const clean = repo.git(['push', 'origin', 'feature/docs']);
  expect(clean.code, clean.out).toBe(0);
  expect(clean.stderr).not.toContain(old.slice(0, 7));

  repo.ok(['checkout', '-q', '-b', 'feature/bad', 'main']);
  repo.write('services/orders/handler.ts', 'export const v = 3;\n');
  const bad = commitNoVerify(repo, 'new offence', 'frontend-specialist');
  const push = repo.git(['push', 'origin', 'feature/bad']);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain(`(commit ${bad.slice(0, 7)})`);
  expect(push.stderr).not.toContain(`(commit ${old.slice(0, 7)})`);
  expect(push.stderr.match(/✖ error/g)).toHaveLength(1);
});
