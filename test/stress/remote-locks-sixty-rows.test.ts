// Stress: 60 orch processes in 3 clones at once, queueing on each clone's lock-branch lock
// (orch waits up to 180 s there). On a machine busy with other work the queue alone can
// take longer, so this runs under `npm run test:stress`, one file at a time;
// remote-locks-race-one-path.test.ts keeps a race between clones in `npm test`.
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, orchAsync, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('3 clones × 20 locks on distinct paths, all at once, leave all 60 rows on the lock branch', {
  timeout: 600_000,
}, async () => {
  const { server } = lockServer();
  const clones = [1, 2, 3].map((i) => cloneOf(server, `clone-${i}`));
  const runs = clones.flatMap((c, ci) =>
    Array.from({ length: 20 }, (_, k) =>
      orchAsync(c, ['lock', `src/c${ci + 1}/file-${k}.ts`, '--format', 'json'], { ORCH_AGENT: `agent-${ci + 1}-${k}` }),
    ),
  );
  const results = await Promise.all(runs);
  for (const r of results) expect(r.code, r.out).toBe(0);
  const reports = results.map((r) => JSON.parse(r.stdout));
  for (const rep of reports) expect(rep.remote).toMatchObject({ state: 'published', label: 'origin/orch/locks' });
  // the clones did collide: some pushes were rejected and redone on the newer table
  expect(reports.some((rep) => rep.remote.attempts > 1)).toBe(true);

  const table = rows(serverTable(server), 'src/');
  expect(table).toHaveLength(60);
  for (let ci = 1; ci <= 3; ci++) {
    for (let k = 0; k < 20; k++)
      expect(table).toContainEqual(
        expect.stringMatching(new RegExp(`^\\| src/c${ci}/file-${k}\\.ts \\| agent-${ci}-${k} \\|`)),
      );
  }
  // one commit per lock, on one line of history
  expect(server.ok(['rev-list', '--count', 'orch/locks']).trim()).toBe('61');
  expect(server.ok(['rev-list', '--merges', '--count', 'orch/locks']).trim()).toBe('0');
  // each clone's last operation refreshed its view to at least everything it published
  for (const [ci, c] of clones.entries()) {
    const view = rows(c.read('WORK_STATUS.md'), `src/c${ci + 1}/`);
    expect(view).toHaveLength(20);
  }
});
