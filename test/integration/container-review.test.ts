import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a Dockerfile change records a review request; the reviewer approves; a later change voids it', () => {
  const repo = tempRepo();
  const dev = { ORCH_AGENT: 'backend-architect' };
  const reviewer = { ORCH_AGENT: 'docker-expert' };
  repo.write('services/api/Dockerfile', 'FROM node:20\nCMD ["node", "server.js"]\n');
  repo.write('docker-compose.yml', 'services:\n  api:\n    build: ./services/api\n');
  repo.write('services/api/package.json', '{"name":"api"}\n');
  repo.ok(['add', '-A']);
  const first = repo.commit('api container', { env: dev });
  expect(first.code, first.out).toBe(0);
  const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(committed).toMatch(/^\| services\/api\/Dockerfile \| backend-architect \| docker-expert \| requested/m);
  expect(committed).toMatch(/^\| docker-compose\.yml \| backend-architect \| docker-expert \| requested/m);

  // only the reviewer can approve
  const notReviewer = repo.orch(['review', 'approve', 'services/api/Dockerfile'], { env: dev });
  expect(notReviewer.code).toBe(1);
  expect(notReviewer.stderr).toContain('only the reviewer (docker-expert)');

  const approve = repo.orch(['review', 'approve', 'services/api/Dockerfile', 'docker-compose.yml'], { env: reviewer });
  expect(approve.code, approve.out).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('approve', { env: reviewer }).code).toBe(0);
  const approved = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(approved).toMatch(/^\| services\/api\/Dockerfile \| backend-architect \| docker-expert \| approved/m);
  const status = JSON.parse(repo.orch(['status', '--format', 'json']).stdout);
  expect(status.reviews.filter((r: { state: string }) => r.state === 'requested')).toHaveLength(0);

  // a later change to the file voids the approval: a new request is recorded
  repo.write('services/api/Dockerfile', 'FROM node:22\nCMD ["node", "server.js"]\n');
  repo.ok(['add', 'services/api/Dockerfile']);
  expect(repo.commit('bump node', { env: dev }).code).toBe(0);
  const after = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(
    after.match(/^\| services\/api\/Dockerfile \| backend-architect \| docker-expert \| requested/gm),
  ).toHaveLength(1);
});
