import { afterAll, expect, it } from 'vitest';
import { serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const dev = { ORCH_AGENT: 'backend-architect' };
const reviewer = { ORCH_AGENT: 'docker-expert' };

it('at pre-push: a compose entry in the next commit of the same push passes; a missing one fails with the snippet; unapproved container changes on main are errors until approved', () => {
  const { repo } = serverAndClone(tempRepo);
  // an existing service, approved, on the remote
  repo.write('services/users/go.mod', 'module users\n');
  repo.write('services/users/Dockerfile', 'FROM golang:1.22\nCMD ["/app"]\n');
  repo.write('docker-compose.yml', 'services:\n  users:\n    build: ./services/users\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('users service', { env: dev }).code).toBe(0);
  expect(
    repo.orch(['review', 'approve', 'services/users/Dockerfile', 'docker-compose.yml'], { env: reviewer }).code,
  ).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('approve users', { env: reviewer }).code).toBe(0);
  const first = repo.git(['push', '-q', 'origin', 'main']);
  expect(first.code, first.out).toBe(0);

  // a new Go service; its compose entry comes in the next commit of the same push
  repo.ok(['checkout', '-q', '-b', 'feature/orders']);
  repo.write('services/orders/go.mod', 'module orders\n');
  repo.write('services/orders/Dockerfile', 'FROM golang:1.22\nCMD ["/app"]\n');
  repo.ok(['add', '-A']);
  const c1 = repo.commit('orders service', { env: dev });
  expect(c1.code, c1.out).toBe(0);
  expect(c1.stderr).toContain('new-service-container'); // a warning at pre-commit
  repo.write(
    'docker-compose.yml',
    'services:\n  users:\n    build: ./services/users\n  orders:\n    build: ./services/orders\n',
  );
  repo.ok(['add', 'docker-compose.yml']);
  expect(repo.commit('compose entry for orders', { env: dev }).code).toBe(0);
  const feature = repo.git(['push', 'origin', 'feature/orders']);
  expect(feature.code, feature.out).toBe(0); // not a protected branch: review is a warning here
  expect(feature.stderr).not.toContain('new-service-container');

  // a service that never gets a compose entry fails at pre-push, with the snippet to add
  repo.ok(['checkout', '-q', '-b', 'feature/billing', 'main']);
  repo.write('services/billing/package.json', '{"name":"billing"}\n');
  repo.write('services/billing/Dockerfile', 'FROM node:20\nCMD ["node", "index.js"]\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('billing service', { env: dev }).code).toBe(0);
  const billing = repo.git(['push', 'origin', 'feature/billing']);
  expect(billing.code).not.toBe(0);
  expect(billing.stderr).toMatch(/✖ error new-service-container/);
  expect(billing.stderr).toContain('build: ./services/billing');

  // merging orders into main and pushing: unapproved container changes block on main
  repo.ok(['checkout', '-q', 'main']);
  repo.ok(['merge', '-q', '--no-ff', '-m', 'Merge orders', 'feature/orders']);
  const unapproved = repo.git(['push', 'origin', 'main']);
  expect(unapproved.code).not.toBe(0);
  expect(unapproved.stderr).toMatch(/✖ error container-review/);
  expect(
    repo.orch(['review', 'approve', 'services/orders/Dockerfile', 'docker-compose.yml'], { env: reviewer }).code,
  ).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('approve orders', { env: reviewer }).code).toBe(0);
  const approved = repo.git(['push', 'origin', 'main']);
  expect(approved.code, approved.out).toBe(0);
});
