// A file named literally `src/*.js`, created in the working tree, used to turn the glob
// lock `src/*.js` into a lock on that one file. Whether a lock is a glob is decided by its
// text and the committed tree, never the working tree; and a glob lock also covers its
// own path as written, so the twin cannot be committed to make the trick stick.
import { afterAll, expect, it } from 'vitest';
import { INTRUDER, intruderCommit, laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a file named like a glob lock does not turn the glob off, at pre-commit, pre-push, orch ci or pre-receive', () => {
  const arena = lockedArena(tempRepo, undefined, 'src/*.js');
  const { repo, server } = arena;
  expect(repo.read('WORK_STATUS.md')).toMatch(/^\| src\/\*\.js \| backend-architect /m);

  // untracked twin: the working tree has a file named exactly like the lock
  repo.write('src/*.js', 'twin\n');
  repo.write('src/app.js', 'export const v = 2;\n');
  repo.ok(['add', 'src/app.js']);
  const commit = repo.commit('frontend edits the app', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('lock-conflict');
  expect(commit.stderr).toContain('src/app.js is locked by backend-architect');

  // the twin staged too: it is itself covered by the lock's literal path
  repo.ok(['add', '-A']);
  const both = repo.commit('frontend adds the twin', { env: INTRUDER });
  expect(both.code).toBe(1);
  expect(both.stderr).toContain('src/*.js is locked by backend-architect');
  expect(both.stderr).toContain('src/app.js is locked by backend-architect');

  const bad = intruderCommit(arena, 'frontend adds the twin and edits the app');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('src/app.js is locked by backend-architect');
    expect(stage.out).toContain(bad.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
