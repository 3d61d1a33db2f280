// With locks.ttl, a lock binds until Since + ttl. Rewriting the holder's Since cell to a
// date long past expires the lock by hand: status-integrity compares Since when a ttl
// applies, so this is a rewrite of another agent's lock, refused at every stage.
import { afterAll, expect, it } from 'vitest';
import { INTRUDER, intruderCommit, laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("backdating the holder's Since cell under locks.ttl is refused at pre-commit, pre-push, orch ci and pre-receive", () => {
  const arena = lockedArena(tempRepo, { locks: { ttl: '8h' } });
  const { repo, server } = arena;
  const status = repo.read('WORK_STATUS.md');
  const row = status.split('\n').find((l) => l.startsWith('| src/app.js |'))!;
  const since = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z/.exec(row)![0];
  repo.write('WORK_STATUS.md', status.replace(row, row.replace(since, '2020-01-01T09:00Z')));
  repo.ok(['add', 'WORK_STATUS.md']);
  const commit = repo.commit('frontend corrects a date', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('status-integrity');
  expect(commit.stderr).toContain('rewrites the lock of backend-architect on src/app.js');
  expect(commit.stderr).toContain('since 2020-01-01T09:00Z');

  const backdated = intruderCommit(arena, 'frontend corrects a date');
  repo.write('src/app.js', 'export const v = 2;\n');
  intruderCommit(arena, 'frontend edits the app');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('rewrites the lock of backend-architect on src/app.js');
    expect(stage.out).toContain(backdated.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
