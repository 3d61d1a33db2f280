import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('lets a commit through an expired lock with a warning', () => {
  const repo = tempRepo();
  repo.write(
    'WORK_STATUS.md',
    `# Work Status

## Locks

| Path | Agent | Task | Since | Expires | Note |
| --- | --- | --- | --- | --- | --- |
| src/old.ts | backend-architect | T-1 | 2020-01-01T09:00Z | 2020-01-01T17:00Z | long gone |
`,
  );
  repo.write('src/old.ts', 'export {}\n');
  repo.ok(['add', '-A']);
  const r = repo.commit('touch old file', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(r.code, r.out).toBe(0);
  expect(r.stderr).toContain('warning');
  expect(r.stderr).toContain('expired lock of backend-architect');
});

it('treats a lock without expiry as expired only when locks.ttl says so', () => {
  const repo = tempRepo();
  repo.write(
    'WORK_STATUS.md',
    `## Locks

| Path | Agent | Task | Since | Expires | Note |
| --- | --- | --- | --- | --- | --- |
| src/a.ts | backend-architect | T-1 | 2020-01-01T09:00Z | - | - |
`,
  );
  repo.write('src/a.ts', 'export {}\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('no ttl: still locked', { env: { ORCH_AGENT: 'qa' } }).code).toBe(1);
  // a person (not an agent) changes the configuration
  repo.ok(['reset', '-q']);
  repo.write('.orchrc.json', JSON.stringify({ locks: { ttl: '8h' } }));
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('configure ttl').code).toBe(0);
  repo.ok(['add', '-A']);
  const r = repo.commit('ttl 8h: expired', { env: { ORCH_AGENT: 'qa' } });
  expect(r.code, r.out).not.toBe(1);
  expect(r.stderr).toContain('expired lock');
});
