import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

/** Writes a hand-made lock row into the Locks table and commits it as a person. */
function handWrittenLock(repo: TempRepo, row: string): void {
  const text = repo
    .read('WORK_STATUS.md')
    .replace('| --- | --- | --- | --- | --- | --- |\n', `| --- | --- | --- | --- | --- | --- |\n${row}\n`);
  repo.write('WORK_STATUS.md', text);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('lock table from an earlier session').code).toBe(0);
}

it('lets a commit through an expired lock with a warning', () => {
  const repo = tempRepo();
  handWrittenLock(repo, '| src/old.ts | backend-architect | T-1 | 2020-01-01T09:00Z | 2020-01-01T17:00Z | long gone |');
  repo.write('src/old.ts', 'export {}\n');
  repo.ok(['add', 'src/old.ts']);
  const r = repo.commit('touch old file', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(r.code, r.out).toBe(0);
  expect(r.stderr).toContain('warning');
  expect(r.stderr).toContain('expired lock of backend-architect');
});

it('treats a lock without expiry as expired only when locks.ttl says so', () => {
  const repo = tempRepo();
  handWrittenLock(repo, '| src/a.ts | backend-architect | T-1 | 2020-01-01T09:00Z | - | - |');
  repo.write('src/a.ts', 'export {}\n');
  repo.ok(['add', 'src/a.ts']);
  expect(repo.commit('no ttl: still locked', { env: { ORCH_AGENT: 'qa' } }).code).toBe(1);
  // a person (not an agent) changes the configuration
  repo.ok(['reset', '-q']);
  const cfg = JSON.parse(repo.read('.orchrc.json'));
  repo.write('.orchrc.json', JSON.stringify({ ...cfg, locks: { ttl: '8h' } }));
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('configure ttl').code).toBe(0);
  repo.ok(['add', 'src/a.ts']);
  const r = repo.commit('ttl 8h: expired', { env: { ORCH_AGENT: 'qa' } });
  expect(r.code, r.out).toBe(0);
  expect(r.stderr).toContain('expired lock');
});
