import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('an unreachable remote fails with exit 2 and says what to do; --offline records locally and `orch sync` publishes it', () => {
  const { server } = lockServer();
  const laptop = cloneOf(server, 'laptop');
  const desk = cloneOf(server, 'desk');
  const me = { ORCH_AGENT: 'backend-architect' };
  const before = laptop.read('WORK_STATUS.md');
  laptop.ok(['remote', 'set-url', 'origin', path.join(path.dirname(server.dir), 'gone.git')]);

  const down = laptop.orch(['lock', 'services/orders/', '--task', 'T-12'], { env: me });
  expect(down.code).toBe(2);
  expect(down.stderr).toContain(
    'cannot lock services/orders/: the lock branch orch/locks on remote "origin" cannot be reached',
  );
  expect(down.stderr).toContain('does not appear to be a git repository');
  expect(down.stderr).toContain('Nothing was changed.');
  expect(down.stderr).toContain('add --offline');
  expect(down.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(laptop.read('WORK_STATUS.md')).toBe(before);

  const offline = laptop.orch(['lock', 'services/orders/', '--task', 'T-12', '--offline'], { env: me });
  expect(offline.code, offline.out).toBe(0);
  expect(offline.stdout).toContain(
    "Offline: recorded in this clone's WORK_STATUS.md only. It binds nobody else until `orch sync` publishes it to origin/orch/locks.",
  );
  expect(rows(laptop.read('WORK_STATUS.md'), 'services/')).toEqual([
    expect.stringMatching(/^\| services\/orders\/ \| backend-architect \| T-12 \|/),
  ]);
  expect(fs.existsSync(path.join(laptop.dir, '.git/orch/pending.json'))).toBe(true);
  // an offline lock that another clone takes first is reported at sync, not published
  expect(laptop.orch(['lock', 'docs/adr/', '--offline'], { env: me }).code).toBe(0);
  const taken = desk.orch(['lock', 'docs/adr/0007.md'], { env: { ORCH_AGENT: 'architect' } });
  expect(taken.code, taken.out).toBe(0);
  expect(rows(serverTable(server))).toHaveLength(1);

  // still unreachable: sync says so and keeps the pending operations
  const stillDown = laptop.orch(['sync'], { env: me });
  expect(stillDown.code).toBe(2);
  expect(stillDown.stderr).toContain('cannot be reached');

  laptop.ok(['remote', 'set-url', 'origin', server.dir]);
  const sync = laptop.orch(['sync'], { env: me });
  expect(sync.code, sync.out).toBe(1);
  expect(sync.stdout).toContain(
    'Published the offline lock of services/orders/ (backend-architect) to origin/orch/locks.',
  );
  expect(sync.stderr).toContain('the offline lock of docs/adr/ (backend-architect) was not published');
  expect(sync.stderr).toContain('held by architect');
  expect(fs.existsSync(path.join(laptop.dir, '.git/orch/pending.json'))).toBe(false);

  const shared = rows(serverTable(server));
  expect(shared).toHaveLength(2);
  expect(shared).toContainEqual(expect.stringMatching(/^\| services\/orders\/ \| backend-architect \| T-12 \|/));
  // the laptop's table is the shared one now: its conflicting offline lock is gone
  expect(rows(laptop.read('WORK_STATUS.md')).sort()).toEqual([...shared].sort());

  // published, it binds the other clone
  const blocked = desk.orch(['lock', 'services/orders/api.ts'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('held by backend-architect');
});
