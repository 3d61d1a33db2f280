// One inserted `<!--` line above a lock row turns every row below it into a comment: the
// lock stops being read. The status file's change is judged by what it means, so this is
// a removal of backend-architect's lock, refused at every stage.
import { afterAll, expect, it } from 'vitest';
import { INTRUDER, intruderCommit, laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('an HTML comment opened above the lock row is refused at pre-commit, pre-push, orch ci and pre-receive', () => {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  const status = repo.read('WORK_STATUS.md');
  const row = status.split('\n').find((l) => l.startsWith('| src/app.js |'))!;
  expect(row).toContain('backend-architect');
  repo.write('WORK_STATUS.md', status.replace(row, `<!--\n${row}`));
  repo.write('src/app.js', 'export const v = 2;\n');
  repo.ok(['add', '-A']);

  const commit = repo.commit('frontend hides the lock', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('status-integrity');
  expect(commit.stderr).toMatch(/hides the lock of backend-architect on src\/app\.js/);
  expect(commit.stderr).toContain('no longer reads as a lock');

  const bad = intruderCommit(arena, 'frontend hides the lock');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('status-integrity');
    expect(stage.out).toMatch(/hides the lock of backend-architect on src\/app\.js/);
    expect(stage.out).toContain(bad.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
