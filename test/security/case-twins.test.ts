import { afterAll, expect, it } from 'vitest';
import { commitNoVerify } from '../helpers/rangeHooks.js';
import { FRONTEND, securityRepo, stages } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('src/App.js and api/OpenAPI.yaml next to the locked file and the contract are judged as them at every stage', () => {
  const s = securityRepo();
  const { repo } = s;
  // a case-sensitive checkout, as on Linux CI: git keeps the twins apart
  repo.ok(['config', 'core.ignorecase', 'false']);

  repo.write('src/App.js', 'export const app = "twin";\n');
  repo.ok(['add', 'src/App.js']);
  const lockTwin = repo.commit('frontend adds a twin of the app', { env: FRONTEND });
  expect(lockTwin.code).toBe(1);
  expect(lockTwin.stderr).toContain('error lock-conflict src/App.js');
  expect(lockTwin.stderr).toContain('src/App.js is locked by backend-architect (covered by the lock on src/app.js)');
  repo.ok(['reset', '-q', '--hard']);
  repo.ok(['clean', '-qfd']);

  repo.write('api/OpenAPI.yaml', 'openapi: 3.0.0\ninfo: { title: twin }\n');
  repo.ok(['add', 'api/OpenAPI.yaml']);
  const contractTwin = repo.commit('frontend adds a twin of the contract', { env: FRONTEND });
  expect(contractTwin.code).toBe(1);
  expect(contractTwin.stderr).toContain('error contract-owner api/OpenAPI.yaml');
  expect(contractTwin.stderr).toContain('owned by backend-architect; frontend may not change it');

  // nor can the twin be locked while the file is
  const lock = repo.orch(['lock', 'src/APP.js'], { env: FRONTEND });
  expect(lock.code).toBe(1);
  expect(lock.out).toContain('backend-architect');

  // past the commit hook, the push and the server refuse both
  repo.write('src/App.js', 'export const app = "twin";\n');
  const twins = commitNoVerify(repo, 'frontend adds twins', 'frontend');
  const { prePush, ci, preReceive } = stages(s, 'main');
  for (const r of [prePush, preReceive]) {
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`error lock-conflict src/App.js (commit ${twins.slice(0, 7)})`);
    expect(r.stderr).toContain(`error contract-owner api/OpenAPI.yaml (commit ${twins.slice(0, 7)})`);
  }
  expect(ci.code).toBe(1);
  expect(JSON.parse(ci.stdout).findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        rule: 'lock-conflict',
        path: 'src/App.js',
        holder: 'backend-architect',
        commit: twins,
      }),
      expect.objectContaining({
        rule: 'contract-owner',
        path: 'api/OpenAPI.yaml',
        holder: 'backend-architect',
        commit: twins,
      }),
    ]),
  );
});
