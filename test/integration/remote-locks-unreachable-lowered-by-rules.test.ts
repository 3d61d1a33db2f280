// The remote-mode finding "cannot verify the changes against the shared locks" is
// lock-conflict's: the rule's severity in `rules` applies to it as to every other
// finding of the rule.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('rules {"lock-conflict": "warn"}: pre-push lets the push through with a warning when the lock branch cannot be fetched', () => {
  // locks.verify stays "strict" (the default): only the rule's severity is lowered
  const { server } = lockServer({ rules: { 'lock-conflict': 'warn' } });
  const clone = cloneOf(server, 'clone');
  const mirror = tempRepo({ bare: true, name: 'mirror.git' });
  clone.ok(['remote', 'add', 'mirror', mirror.dir]);
  clone.ok(['push', '-q', '--no-verify', 'mirror', 'main']);
  clone.ok(['remote', 'set-url', 'origin', path.join(path.dirname(server.dir), 'gone.git')]);
  clone.write('src/feature.ts', 'export {};\n');
  clone.ok(['add', 'src/feature.ts']);
  expect(clone.commit('feature', { env: { ORCH_AGENT: 'agent-a' } }).code).toBe(0);

  const push = clone.git(['push', 'mirror', 'main']);
  expect(push.code, push.out).toBe(0);
  expect(push.stderr).toContain(
    'cannot verify the changes against the shared locks: fetching orch/locks from origin failed',
  );
  expect(push.stderr).toMatch(/warning/i);
  expect(push.stderr).toContain('rules["lock-conflict"] makes this a warning');
  expect(push.stderr).not.toContain('Blocked because');
  expect(mirror.ok(['rev-parse', 'main']).trim()).toBe(clone.ok(['rev-parse', 'HEAD']).trim());
});
