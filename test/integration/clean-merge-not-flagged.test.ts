import { afterAll, expect, it } from 'vitest';
import { commitNoVerify } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a clean merge is not blamed for the files it carried in; a merge that edits a locked file is', () => {
  const repo = tempRepo();
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts', '--task', 'T-12'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  // the frontend works on a branch while the backend changes its locked file on main
  repo.ok(['checkout', '-q', '-b', 'feature/ui']);
  repo.write('web/app.ts', 'export {};\n');
  // (without hooks, so that only main appends to the status file's Log and the merge is clean)
  commitNoVerify(repo, 'frontend adds the app', 'frontend-specialist');
  repo.ok(['checkout', '-q', 'main']);
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend updates the handler', { env: backend }).code).toBe(0);

  // the frontend brings main into its branch: a clean merge, no hook runs for it
  repo.ok(['checkout', '-q', 'feature/ui']);
  repo.ok(['merge', '-q', '--no-edit', 'main'], { env: { GIT_AUTHOR_EMAIL: 'fe@example.test' } });
  const merge = repo.ok(['rev-parse', 'HEAD']).trim();
  expect(repo.ok(['show', '--format=', '--name-only', '-m', '--first-parent', merge])).toContain(
    'services/orders/handler.ts',
  );

  const r = repo.orch(['check', '--range', `${base}..feature/ui`, '--format', 'json']);
  expect(r.code, r.out).toBe(0);
  expect(JSON.parse(r.stdout).findings).toEqual([]);

  // a merge that changes the locked file itself (an "evil" merge) is judged for that change
  repo.ok(['reset', '-q', '--hard', 'HEAD~1']);
  repo.ok(['merge', '-q', '--no-commit', 'main']);
  repo.write('services/orders/handler.ts', 'export const v = 99;\n');
  const evil = commitNoVerify(repo, 'Merge main, with a fix', 'frontend-specialist');
  const e = repo.orch(['check', '--range', `${base}..feature/ui`, '--format', 'json']);
  expect(e.code).toBe(1);
  expect(JSON.parse(e.stdout).findings).toEqual([
    expect.objectContaining({ rule: 'lock-conflict', path: 'services/orders/handler.ts', commit: evil }),
  ]);
});
