import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a clone that never fetched commits a change to a path locked elsewhere; its pre-push fetches the lock branch and blocks', () => {
  const { server } = lockServer();
  const late = cloneOf(server, 'late');
  const early = cloneOf(server, 'early');
  const backend = { ORCH_AGENT: 'backend-architect' };
  const frontend = { ORCH_AGENT: 'frontend-specialist' };
  const lock = early.orch(['lock', 'services/orders/', '--task', 'T-12'], { env: backend });
  expect(lock.code, lock.out).toBe(0);

  // `late` has not fetched since: its copy of the lock branch lacks the lock, and
  // pre-commit does not use the network — the commit goes through
  late.write('services/orders/handler.ts', 'export const v = 2;\n');
  late.ok(['add', 'services/orders/handler.ts']);
  const commit = late.commit('frontend tweaks the orders handler', { env: frontend });
  expect(commit.code, commit.out).toBe(0);
  const sha = late.ok(['rev-parse', 'HEAD']).trim();

  const push = late.git(['push', 'origin', 'main'], { env: frontend });
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain('lock-conflict');
  expect(push.stderr).toContain(
    'services/orders/handler.ts is locked by backend-architect (covered by the lock on services/orders/)',
  );
  expect(push.stderr).toContain(`${sha.slice(0, 7)} "frontend tweaks the orders handler" by frontend-specialist`);
  expect(push.stderr).toContain('push blocked');
  expect(server.ok(['rev-parse', 'main']).trim()).not.toBe(sha);
  // the fetch the hook made is this clone's copy now: the next commit is stopped locally
  late.write('services/orders/other.ts', 'export {};\n');
  late.ok(['add', 'services/orders/other.ts']);
  const again = late.commit('and another', { env: frontend });
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('services/orders/other.ts is locked by backend-architect');

  // the holder pushes the same kind of change freely
  early.write('services/orders/handler.ts', 'export const v = 3;\n');
  early.ok(['add', 'services/orders/handler.ts']);
  expect(early.commit('backend updates the handler', { env: backend }).code).toBe(0);
  const ok = early.git(['push', 'origin', 'main'], { env: backend });
  expect(ok.code, ok.out).toBe(0);
});
