// Deleting the lock branch would drop every agent's lock at once: pre-push refuses it on
// the way, and the server's pre-receive refuses it when pre-push was skipped.
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a push that deletes the lock branch is refused by pre-push and by the server', () => {
  const { server } = lockServer({ preReceive: true });
  const backend = cloneOf(server, 'backend');
  const rogue = cloneOf(server, 'rogue');
  expect(
    backend.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: { ORCH_AGENT: 'backend-architect' } }).code,
  ).toBe(0);
  const tip = server.ok(['rev-parse', 'orch/locks']).trim();
  rogue.ok(['fetch', '-q', 'origin']);

  const local = rogue.git(['push', 'origin', ':orch/locks']);
  expect(local.code).not.toBe(0);
  expect(local.stderr).toContain('status-integrity');
  expect(local.stderr).toContain(
    "this push deletes refs/heads/orch/locks, the lock branch: every agent's lock would go at once.",
  );

  const skipped = rogue.git(['push', '--no-verify', 'origin', ':orch/locks']);
  expect(skipped.code).not.toBe(0);
  expect(skipped.stderr).toMatch(/remote: .*the lock branch: every agent's lock would go at once/);
  expect(skipped.stderr).toContain('pre-receive hook declined');

  // still there, with backend's lock in it; deleting another branch is nobody's business
  expect(server.ok(['rev-parse', 'orch/locks']).trim()).toBe(tip);
  expect(rows(serverTable(server))).toEqual([expect.stringContaining('| api/openapi.yaml | backend-architect |')]);
  rogue.ok(['push', '-q', 'origin', 'HEAD:refs/heads/scratch']);
  expect(rogue.git(['push', 'origin', ':scratch']).code).toBe(0);
});
