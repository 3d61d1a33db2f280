import { afterAll, expect, it } from 'vitest';
import { FRONTEND, must, securityRepo, stages } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('git merge -s ours main, on a branch started before the lock, is refused at pre-push, orch ci and pre-receive', () => {
  const s = securityRepo();
  const { repo } = s;
  // the intruder's branch starts before backend-architect's lock
  repo.ok(['checkout', '-q', '-b', 'feature', s.setup]);
  repo.write('web/ui.js', 'export const ui = 1;\n');
  repo.ok(['add', '-A']);
  must(repo.commit('frontend adds the ui', { env: FRONTEND }), 'frontend commits');
  // taking its own side of everything: src/app.js, the contract and the lock rows revert
  repo.ok(['merge', '-q', '-s', 'ours', '--no-edit', 'main'], { env: FRONTEND });
  const merge = repo.ok(['rev-parse', 'HEAD']).trim();
  // git's combined diff of the merge shows nothing: it equals its first parent
  expect(repo.ok(['show', '--cc', '--format=', '--name-only', merge]).trim()).toBe('');
  expect(repo.read('src/app.js')).toBe('export const app = 0;\n');

  const { prePush, ci, preReceive } = stages(s, 'feature');
  for (const r of [prePush, preReceive]) {
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`error lock-conflict src/app.js (commit ${merge.slice(0, 7)})`);
    expect(r.stderr).toContain('src/app.js is locked by backend-architect');
    expect(r.stderr).toContain(`error contract-owner api/openapi.yaml (commit ${merge.slice(0, 7)})`);
    expect(r.stderr).toContain('api/openapi.yaml belongs to the "contract" contract group owned by backend-architect');
    expect(r.stderr).toContain(`error status-integrity WORK_STATUS.md (commit ${merge.slice(0, 7)})`);
    expect(r.stderr).toContain('removes the lock of backend-architect on src/app.js');
    expect(r.stderr).toContain(`commit ${merge.slice(0, 7)} "Merge branch 'main' into feature"`);
  }
  expect(preReceive.stderr).toContain('pre-receive hook declined');
  expect(ci.code).toBe(1);
  const findings = JSON.parse(ci.stdout).findings as { rule: string; path: string; holder?: string; commit?: string }[];
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        rule: 'lock-conflict',
        path: 'src/app.js',
        holder: 'backend-architect',
        commit: merge,
      }),
      expect.objectContaining({
        rule: 'contract-owner',
        path: 'api/openapi.yaml',
        holder: 'backend-architect',
        commit: merge,
      }),
      expect.objectContaining({
        rule: 'status-integrity',
        path: 'WORK_STATUS.md',
        holder: 'backend-architect',
        commit: merge,
      }),
    ]),
  );
  // nothing reached the server
  expect(s.server.ok(['show', 'main:src/app.js'])).toBe('export const app = 1;\n');
});
