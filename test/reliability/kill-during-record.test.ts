// SIGKILL during the record step of a real `git commit`: the Log entry going into the index
// and the working tree. (orch lock's own write is covered in test/integration.) More rounds
// run in test/stress.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';
import { bigStatus, killDuringCommit } from './killDuringCommit.js';

afterAll(cleanupAll);

it('SIGKILL at random moments of a commit leaves the committed, staged and working-tree status files whole', async () => {
  const repo = tempRepo();
  repo.write('WORK_STATUS.md', bigStatus(repo.read('WORK_STATUS.md'), 3000, 400));
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'a big status file']);
  // calibrate: how long one commit takes here, so the kills spread over all of it
  const t = Date.now();
  repo.write('src/calibrate.ts', 'x\n');
  repo.ok(['add', 'src/calibrate.ts']);
  expect(repo.commit('calibrate', { env: { ORCH_AGENT: 'killer' } }).code).toBe(0);
  const full = Date.now() - t;
  const outcome = await killDuringCommit(repo, 6, { min: full * 0.2, max: full * 1.1, record: 300 });
  console.log(
    `[reliability] kill during record: ${outcome.rounds} kills, ${outcome.committed} committed, ${outcome.notCommitted} not (${outcome.midRecord} of them mid-record), ${outcome.torn.length} torn (commit takes ${full} ms)`,
  );
  expect(outcome.torn).toEqual([]);
  expect(outcome.rounds).toBe(6);
  // after all that, a plain commit still works and records its entry
  repo.write('src/after.ts', 'x\n');
  repo.ok(['add', 'src/after.ts']);
  const c = repo.commit('after the kills', { env: { ORCH_AGENT: 'killer' } });
  expect(c.code, c.out).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/killer[^\n]*src\/after\.ts/);
});
