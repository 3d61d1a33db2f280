import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch done and orch review in remote mode: the lock branch records them, the local file gets the same Log entry and review row', () => {
  const { server } = lockServer();
  const clone = cloneOf(server, 'clone');
  const me = { ORCH_AGENT: 'backend-architect' };
  expect(clone.orch(['lock', 'services/orders/', 'services/billing/', '--task', 'T-12'], { env: me }).code).toBe(0);
  expect(rows(serverTable(server))).toHaveLength(2);

  clone.write('services/orders/Dockerfile', 'FROM node:20\n');
  const review = clone.orch(['review', 'request', 'services/orders/Dockerfile'], { env: me });
  expect(review.code, review.out).toBe(0);
  const reviewRow = /^\| services\/orders\/Dockerfile \| backend-architect \| docker-expert \| requested\b/m;
  expect(serverTable(server)).toMatch(reviewRow);
  expect(clone.read('WORK_STATUS.md')).toMatch(reviewRow);
  expect(server.ok(['log', '-1', '--format=%an|%s', 'orch/locks']).trim()).toBe(
    'backend-architect|review request services/orders/Dockerfile',
  );

  const done = clone.orch(['done', 'T-12'], { env: me });
  expect(done.code, done.out).toBe(0);
  expect(done.stdout).toContain('released 2 lock(s) (services/orders/, services/billing/)');
  const shared = serverTable(server);
  expect(rows(shared, 'services/orders/ ')).toEqual([]);
  expect(rows(shared, 'services/billing/')).toEqual([]);
  const entry = /^- \S+ backend-architect done T-12: released services\/orders\/, services\/billing\/$/m;
  expect(shared).toMatch(entry);
  expect(server.ok(['log', '-1', '--format=%an|%s', 'orch/locks']).trim()).toBe(
    'backend-architect|done T-12: release services/orders/, services/billing/',
  );
  const local = clone.read('WORK_STATUS.md');
  expect(local).toMatch(entry);
  expect(rows(local, 'services/orders/ ')).toEqual([]);

  // the completion goes into history with the index update, as without remote mode
  clone.write('orchestration-index.md', '# Index\n\n- T-12 orders service: done\n');
  clone.ok(['add', 'orchestration-index.md', 'WORK_STATUS.md']);
  const commit = clone.commit('T-12 done', { env: me });
  expect(commit.code, commit.out).toBe(0);
});
