// The warning that a lock dropped by hand from the working tree's status file still binds
// is status-integrity's: ORCH_SKIP=status-integrity skips the warning, while the lock
// itself still binds (lock-conflict judges the change).
import { afterAll, expect, it } from 'vitest';
import { INTRUDER, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('ORCH_SKIP=status-integrity silences the dropped-lock warning; the lock still blocks the commit', () => {
  const { repo } = lockedArena(tempRepo);
  const locked = repo.read('WORK_STATUS.md');
  repo.write('WORK_STATUS.md', locked.replace(/^\| src\/app\.js \| backend-architect .*\n/m, ''));
  repo.write('src/app.js', 'export const v = 2;\n');
  repo.ok(['add', 'src/app.js']);

  const warned = repo.orch(['check', '--staged'], { env: INTRUDER });
  expect(warned.out).toContain('is gone from WORK_STATUS.md in the working tree, but HEAD still holds it');

  const skipped = repo.commit('frontend edits the app', { env: { ...INTRUDER, ORCH_SKIP: 'status-integrity' } });
  expect(skipped.code).toBe(1);
  expect(skipped.stderr).toContain('src/app.js is locked by backend-architect');
  expect(skipped.stderr).not.toContain('is gone from WORK_STATUS.md');
});
