// Inserting one line — an unclosed code fence above the lock row — makes the lock stop being read. The change of the status
// file is judged by the locks it reads before and after, so it is refused like a removal.
import { afterAll, expect, it } from 'vitest';
import { INTRUDER, insertAboveLockRow, intruderCommit, laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('an unclosed code fence above the lock row is refused at pre-commit, pre-push, orch ci and pre-receive', () => {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  insertAboveLockRow(repo, '```');
  repo.ok(['add', 'WORK_STATUS.md']);
  const commit = repo.commit('frontend tidies the status file', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('status-integrity');
  expect(commit.stderr).toMatch(/hides the lock of backend-architect on src\/app\.js/);

  const hidden = intruderCommit(arena, 'frontend tidies the status file');
  // the edit of the freed file comes in a commit of its own: its parent no longer reads the lock
  repo.write('src/app.js', 'export const v = 2;\n');
  intruderCommit(arena, 'frontend edits the app');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('status-integrity');
    expect(stage.out).toMatch(/hides the lock of backend-architect on src\/app\.js/);
    expect(stage.out).toContain(hidden.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
