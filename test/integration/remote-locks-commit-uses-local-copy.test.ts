import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('pre-commit checks the last fetched copy of the lock branch without the network, and says when that copy is old', () => {
  const { server } = lockServer();
  const holder = cloneOf(server, 'holder');
  const other = cloneOf(server, 'other');
  const frontend = { ORCH_AGENT: 'frontend-specialist' };
  expect(
    holder.orch(['lock', 'services/orders/', '--task', 'T-12'], { env: { ORCH_AGENT: 'backend-architect' } }).code,
  ).toBe(0);

  // an ordinary fetch brings the lock branch (the clone's refspec covers it); the working
  // tree's WORK_STATUS.md does not have the row, the copy does
  other.ok(['fetch', '-q', 'origin']);
  expect(other.read('WORK_STATUS.md')).not.toContain('services/orders/');
  // with the remote gone, the commit is still judged: no network needed
  other.ok(['remote', 'set-url', 'origin', path.join(path.dirname(server.dir), 'gone.git')]);
  other.write('services/orders/handler.ts', 'export {};\n');
  other.ok(['add', 'services/orders/handler.ts']);
  const blocked = other.commit('touch orders', { env: frontend });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain(
    'services/orders/handler.ts is locked by backend-architect (covered by the lock on services/orders/)',
  );
  expect(blocked.stderr).not.toContain(' old:');

  // three hours later, the copy's age is said
  const past = new Date(Date.now() - 3 * 3600_000);
  const gitDir = path.join(other.dir, '.git');
  for (const f of [
    path.join(gitDir, 'FETCH_HEAD'),
    path.join(gitDir, 'packed-refs'),
    path.join(gitDir, 'refs/remotes/origin/orch/locks'),
  ]) {
    if (fs.existsSync(f)) fs.utimesSync(f, past, past);
  }
  for (const f of fs.readdirSync(path.join(gitDir, 'orch')).filter((n) => n.startsWith('fetched-')))
    fs.utimesSync(path.join(gitDir, 'orch', f), past, past);
  const old = other.commit('touch orders', { env: frontend });
  expect(old.code).toBe(1);
  expect(old.stderr).toContain(
    'orch: the copy of the lock branch origin/orch/locks is 3 h old: locks taken since are not checked here. `orch sync` refreshes it.',
  );

  // a path nobody locked commits, with the same note
  other.ok(['reset', '-q']);
  other.write('docs/readme.md', 'hello\n');
  other.ok(['add', 'docs/readme.md']);
  const ok = other.commit('docs', { env: frontend });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.stderr).toContain('is 3 h old');
});
