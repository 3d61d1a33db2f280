// `orch review approve` only approves what is under container review and exists; a second
// `orch review request` adds no second row; `orch status` names requester and reviewer
// for what they are; and the commands say that the change waits to be committed.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('refuses what cannot be reviewed, never duplicates a request, and reports roles right', () => {
  const repo = tempRepo();
  const reviewer = { ORCH_AGENT: 'docker-expert' };
  const dev = { ORCH_AGENT: 'backend-architect' };
  repo.write('services/api/Dockerfile', 'FROM node:20\n');
  repo.write('src/app.ts', 'export {};\n');
  const before = repo.read('WORK_STATUS.md');

  for (const p of ['src/app.ts', 'services/none/Dockerfile']) {
    const r = repo.orch(['review', 'approve', p], { env: reviewer });
    expect(r.code, p).toBe(2);
    expect(r.stderr).toContain(p);
  }
  expect(repo.orch(['review', 'approve', 'src/app.ts'], { env: reviewer }).stderr).toContain(
    'not under container review',
  );
  expect(repo.orch(['review', 'approve', 'services/none/Dockerfile'], { env: reviewer }).stderr).toContain(
    'does not exist',
  );
  expect(repo.read('WORK_STATUS.md')).toBe(before);

  const request = repo.orch(['review', 'request', 'services/api/Dockerfile'], { env: dev });
  expect(request.code).toBe(0);
  expect(request.stdout).toContain('commit it for agents in other clones to see');
  const again = repo.orch(['review', 'request', 'services/api/Dockerfile'], { env: dev });
  expect(again.stdout).toContain('Nothing to change');
  const rows = () =>
    repo
      .read('WORK_STATUS.md')
      .split('\n')
      .filter((l) => l.startsWith('| services/api/Dockerfile'));
  expect(rows()).toHaveLength(1);

  const status = repo.orch(['status'], { env: dev });
  expect(status.stdout).toMatch(
    /services\/api\/Dockerfile — requested: requested by backend-architect, reviewer docker-expert/,
  );

  const approve = repo.orch(['review', 'approve', 'services/api/Dockerfile'], { env: reviewer });
  expect(approve.code).toBe(0);
  expect(approve.stdout).toContain('commit it for agents in other clones to see');
  // approved as the file is now: a new request adds nothing
  expect(repo.orch(['review', 'request', 'services/api/Dockerfile'], { env: dev }).stdout).toContain(
    'Nothing to change',
  );
  expect(rows()).toHaveLength(1);
  // once the file changes, a request is new again
  repo.write('services/api/Dockerfile', 'FROM node:22\n');
  expect(repo.orch(['review', 'request', 'services/api/Dockerfile'], { env: dev }).stdout).toContain(
    'Requested a review',
  );
});
