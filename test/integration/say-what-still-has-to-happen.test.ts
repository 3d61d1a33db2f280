// Commands that change only the working tree say the status file must be committed for
// others to see it; a commit that records review requests says so; a steal does not claim
// the stealer took a lock it does not hold.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('lock and steal say what remains to be done; the hook announces review requests', () => {
  const repo = tempRepo();
  const holder = { ORCH_AGENT: 'backend-architect' };
  const lead = { ORCH_AGENT: 'tech-lead' };
  const lock = repo.orch(['lock', 'src/a.ts'], { env: holder });
  expect(lock.code).toBe(0);
  expect(lock.stdout).toContain('commit it for agents in other clones to see the change');

  const steal = repo.orch(['unlock', 'src/a.ts', '--steal', '--reason', 'holder is away'], { env: lead });
  expect(steal.code, steal.out).toBe(0);
  expect(steal.stdout).not.toContain('Took over');
  expect(steal.stdout).toContain("Removed backend-architect's lock on src/a.ts");
  expect(steal.stdout).toContain('You hold no lock on it: to take one, orch lock src/a.ts');
  expect(steal.stdout).toContain('commit it for agents in other clones to see the change');
  expect(repo.read('WORK_STATUS.md')).not.toMatch(/\| src\/a\.ts \| tech-lead/);

  repo.write('services/api/Dockerfile', 'FROM node:20\n');
  repo.ok(['add', '-A']);
  const commit = repo.commit('Add the api image', { env: holder });
  expect(commit.code, commit.out).toBe(0);
  expect(commit.stderr).toContain('requested a container review of services/api/Dockerfile from docker-expert');
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(
    /\| services\/api\/Dockerfile \| backend-architect \| docker-expert \| requested/,
  );
});
