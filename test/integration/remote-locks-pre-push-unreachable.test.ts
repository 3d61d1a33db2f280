import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

/** A clone whose lock remote (origin) is gone, pushing to a reachable mirror. */
function pushWithLocksUnreachable(verify: 'strict' | 'warn') {
  const { server } = lockServer({ locks: { verify } });
  const clone = cloneOf(server, 'clone');
  const mirror = tempRepo({ bare: true, name: 'mirror.git' });
  clone.ok(['remote', 'add', 'mirror', mirror.dir]);
  clone.ok(['push', '-q', '--no-verify', 'mirror', 'main']);
  clone.ok(['remote', 'set-url', 'origin', path.join(path.dirname(server.dir), 'gone.git')]);
  clone.write('src/feature.ts', 'export {};\n');
  clone.ok(['add', 'src/feature.ts']);
  expect(clone.commit('feature', { env: { ORCH_AGENT: 'agent-a' } }).code).toBe(0);
  return { clone, mirror, push: clone.git(['push', 'mirror', 'main']) };
}

it('locks.verify "strict" (the default): pre-push blocks when the lock branch cannot be fetched', () => {
  const { clone, mirror, push } = pushWithLocksUnreachable('strict');
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain(
    'cannot verify the changes against the shared locks: fetching orch/locks from origin failed',
  );
  expect(push.stderr).toContain('Blocked because locks.verify is "strict".');
  expect(push.stderr).toContain('"locks": { "verify": "warn" }');
  expect(mirror.ok(['rev-parse', 'main']).trim()).not.toBe(clone.ok(['rev-parse', 'HEAD']).trim());
});

it('locks.verify "warn": the push goes through with a warning, checked against the last copy', () => {
  const { clone, mirror, push } = pushWithLocksUnreachable('warn');
  expect(push.code, push.out).toBe(0);
  expect(push.stderr).toContain('warning');
  expect(push.stderr).toMatch(/Checked against the copy fetched (under a minute|\d+ min) ago instead\./);
  expect(mirror.ok(['rev-parse', 'main']).trim()).toBe(clone.ok(['rev-parse', 'HEAD']).trim());
});
