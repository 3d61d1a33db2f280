// The record step of real commits killed with SIGKILL many times over (a few rounds also run
// in npm test: test/reliability/kill-during-record.test.ts).
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';
import { bigStatus, killDuringCommit } from '../reliability/killDuringCommit.js';

afterAll(cleanupAll);

const ROUNDS = Number(process.env.ORCH_STRESS_KILLS ?? 40);

it.skipIf(!process.env.ORCH_STRESS)(`${ROUNDS} commits killed at random moments: every status file whole`, async () => {
  const repo = tempRepo();
  repo.write('WORK_STATUS.md', bigStatus(repo.read('WORK_STATUS.md'), 5000, 900));
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'a big status file']);
  const t = Date.now();
  repo.write('src/calibrate.ts', 'x\n');
  repo.ok(['add', 'src/calibrate.ts']);
  expect(repo.commit('calibrate', { env: { ORCH_AGENT: 'killer' } }).code).toBe(0);
  const full = Date.now() - t;
  const outcome = await killDuringCommit(repo, ROUNDS, { min: full * 0.1, max: full * 1.2, record: 400 });
  console.log(
    `[stress] kill during record: ${outcome.rounds} kills — ${outcome.committed} committed, ${outcome.notCommitted} not (${outcome.midRecord} mid-record); torn files ${outcome.torn.length}`,
  );
  expect(outcome.torn).toEqual([]);
  repo.write('src/after.ts', 'x\n');
  repo.ok(['add', 'src/after.ts']);
  expect(repo.commit('after the kills', { env: { ORCH_AGENT: 'killer' } }).code).toBe(0);
});
