import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a directory lock covers everything beneath it and a glob lock what it matches', () => {
  const repo = tempRepo();
  const holder = { ORCH_AGENT: 'backend-architect' };
  const other = { ORCH_AGENT: 'frontend-specialist' };
  expect(repo.orch(['lock', 'services/orders/', 'schemas/**/*.sql'], { env: holder }).code).toBe(0);

  repo.write('services/orders/src/deep/handler.go', 'package deep\n');
  repo.ok(['add', '-A']);
  let r = repo.commit('deep file under a directory lock', { env: other });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(
    'services/orders/src/deep/handler.go is locked by backend-architect (covered by the lock on services/orders/)',
  );

  repo.ok(['reset', '-q']);
  repo.write('schemas/billing/v2/001.sql', 'create table x();\n');
  repo.ok(['add', 'schemas']);
  r = repo.commit('glob-locked file', { env: other });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('covered by the lock on schemas/**/*.sql');

  // neighbours of the locked directory and files the glob does not match are free
  repo.ok(['reset', '-q']);
  repo.write('services/orders-v2/main.go', 'package main\n');
  repo.write('schemas/README.md', 'docs\n');
  repo.ok(['add', 'services/orders-v2', 'schemas/README.md']);
  r = repo.commit('free neighbours', { env: other });
  expect(r.code, r.out).toBe(0);
});

it('a path with literal brackets that exists is that path, not a pattern', () => {
  const repo = tempRepo();
  repo.write('app/(shop)/[id]/page.tsx', 'export default 1\n');
  repo.write('app/(shop)/i/page.tsx', 'export default 2\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('routes').code).toBe(0);
  expect(repo.orch(['lock', 'app/(shop)/[id]/page.tsx'], { env: { ORCH_AGENT: 'frontend-specialist' } }).code).toBe(0);
  // `[id]` as a glob would match `i`: it must not
  repo.write('app/(shop)/i/page.tsx', 'export default 3\n');
  repo.ok(['add', 'app']);
  expect(repo.commit('sibling route', { env: { ORCH_AGENT: 'qa' } }).code).toBe(0);
  repo.write('app/(shop)/[id]/page.tsx', 'export default 4\n');
  repo.ok(['add', 'app']);
  const r = repo.commit('the locked route', { env: { ORCH_AGENT: 'qa' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('app/(shop)/[id]/page.tsx is locked by frontend-specialist');
});
