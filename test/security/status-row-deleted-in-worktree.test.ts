// Deleting the holder's row from WORK_STATUS.md in the working tree only (never staged)
// used to free src/app.js at pre-commit. The locks of HEAD and the index bind too; only a
// release through orch frees the path: the holder's orch unlock, a recorded steal, or a
// removal already committed.
import { afterAll, expect, it } from 'vitest';
import { HOLDER, INTRUDER, intruderCommit, laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a lock row deleted by hand in the working tree still binds at pre-commit, pre-push, orch ci and pre-receive; orch releases free it', () => {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  const locked = repo.read('WORK_STATUS.md');
  const dropRow = (text: string) => text.replace(/^\| src\/app\.js \| backend-architect .*\n/m, '');
  repo.write('WORK_STATUS.md', dropRow(locked));
  repo.write('src/app.js', 'export const v = 2;\n');
  repo.ok(['add', 'src/app.js']);

  const commit = repo.commit('frontend edits the app', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('src/app.js is locked by backend-architect');
  expect(commit.stderr).toContain(
    'the lock of backend-architect on src/app.js is gone from WORK_STATUS.md in the working tree, but HEAD still holds it',
  );
  // `orch check --staged` gives the same answer
  const check = repo.orch(['check', '--staged'], { env: INTRUDER });
  expect(check.code).toBe(1);
  expect(check.out).toContain('src/app.js is locked by backend-architect');

  const bad = intruderCommit(arena, 'frontend edits the app');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('src/app.js is locked by backend-architect');
    expect(stage.out).toContain(bad.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);

  // released through orch: the holder's own orch unlock frees the path at pre-commit
  repo.ok(['reset', '-q', '--hard', arena.base]);
  expect(repo.orch(['unlock', 'src/app.js'], { env: HOLDER }).code).toBe(0);
  repo.write('src/app.js', 'export const v = 3;\n');
  repo.ok(['add', 'src/app.js']);
  const afterUnlock = repo.commit('frontend edits the released app', { env: INTRUDER });
  expect(afterUnlock.code, afterUnlock.out).toBe(0);

  // and so does a recorded steal
  repo.ok(['reset', '-q', '--hard', arena.base]);
  const steal = repo.orch(['unlock', 'src/app.js', '--steal', '--reason', 'holder offline since Friday'], {
    env: INTRUDER,
  });
  expect(steal.code, steal.out).toBe(0);
  repo.write('src/app.js', 'export const v = 4;\n');
  repo.ok(['add', 'src/app.js']);
  const afterSteal = repo.commit('frontend takes over the app', { env: INTRUDER });
  expect(afterSteal.code, afterSteal.out).toBe(0);
});
