// `orch done` for a task you have nothing for is most likely a wrong id: exit 1, nothing
// written (`--force` logs it anyway). `orch unlock --all` holding nothing has done what
// was asked: it says so, exit 0, and says nothing about other agents' locks.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('done without locks or record is refused unless forced; unlock --all with nothing held is fine', () => {
  const repo = tempRepo();
  const me = { ORCH_AGENT: 'frontend-developer' };
  expect(repo.orch(['lock', 'api/openapi.yaml', 'src/a.ts'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(
    0,
  );
  const before = repo.read('WORK_STATUS.md');

  const wrong = repo.orch(['done', 'T-99'], { env: me });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('hold no lock for task T-99');
  expect(wrong.stderr).toContain('orch done T-99 --force');
  expect(repo.read('WORK_STATUS.md')).toBe(before);

  const forced = repo.orch(['done', 'T-99', '--force'], { env: me });
  expect(forced.code, forced.out).toBe(0);
  expect(repo.read('WORK_STATUS.md')).toMatch(/frontend-developer done T-99/);

  // a task with a logged commit of mine but no lock left: a real task, accepted
  expect(repo.orch(['lock', 'src/b.ts', '--task', 'T-5'], { env: me }).code).toBe(0);
  repo.write('src/b.ts', 'export {};\n');
  repo.write('orchestration-index.md', '# Index\n\n## Completed tasks\n\n- T-99: checked, nothing to build\n');
  repo.ok(['add', '-A']);
  const b = repo.commit('b', { env: me });
  expect(b.code, b.out).toBe(0);
  expect(repo.orch(['unlock', 'src/b.ts'], { env: me }).code).toBe(0);
  expect(repo.orch(['done', 'T-5'], { env: me }).code).toBe(0);

  const all = repo.orch(['unlock', '--all'], { env: me });
  expect(all.code, all.out).toBe(0);
  expect(all.stdout).toContain('frontend-developer holds no locks; nothing to release.');
  expect(all.stderr).toBe('');
  expect(all.out).not.toContain('backend-architect');
  // the other agent's locks are untouched
  expect(repo.read('WORK_STATUS.md')).toContain('| api/openapi.yaml | backend-architect |');
});
