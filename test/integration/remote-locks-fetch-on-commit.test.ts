import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('with locks.fetchOnCommit, pre-commit fetches the lock branch first and sees a lock taken a moment ago elsewhere', () => {
  const { server } = lockServer({ locks: { fetchOnCommit: true } });
  const other = cloneOf(server, 'other');
  const holder = cloneOf(server, 'holder');
  expect(
    holder.orch(['lock', 'db/schema.sql', '--task', 'T-7'], { env: { ORCH_AGENT: 'database-architect' } }).code,
  ).toBe(0);

  other.write('db/schema.sql', 'create table t (id int);\n');
  other.ok(['add', 'db/schema.sql']);
  const blocked = other.commit('schema', { env: { ORCH_AGENT: 'backend-architect' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('db/schema.sql is locked by database-architect');
  // the fetch landed in the clone's copy: the lock shows in orch status
  expect(other.ok(['rev-parse', 'origin/orch/locks']).trim()).toBe(server.ok(['rev-parse', 'orch/locks']).trim());
});
