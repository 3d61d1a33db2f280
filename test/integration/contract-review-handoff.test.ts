import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const owner = { ORCH_AGENT: 'backend-architect' };
const consumer = { ORCH_AGENT: 'frontend-specialist' };
const REQUESTED = /^\| api\/openapi\.yaml \| backend-architect \| frontend-specialist \| requested/m;

it("the owner's contract change asks the consumer for a handoff; unacknowledged it blocks a push to main; the acknowledgement is bound to the content", () => {
  const { repo } = serverAndClone(tempRepo);
  // a person names the contract's consumers
  const configPath = path.join(repo.dir, '.orchrc.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  config.contracts[0].consumers = ['frontend-specialist'];
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('frontend-specialist consumes the API contract').code).toBe(0);
  expect(repo.git(['push', '-q', 'origin', 'main']).code).toBe(0);

  // the owner changes the contract (with its test): the request is in the same commit
  expect(repo.orch(['lock', 'api/', '--task', 'T-9'], { env: owner }).code).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths:\n  /orders: {}\n');
  repo.write('api/tests/orders.test.ts', "it('lists orders', () => expect(1).toBe(1));\n");
  repo.ok(['add', '-A']);
  const changed = repo.commit('orders in the contract', { env: owner });
  expect(changed.code, changed.out).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(REQUESTED);

  // unacknowledged: a feature branch gets a warning, main an error
  const feature = repo.git(['push', 'origin', 'HEAD:refs/heads/feature/orders']);
  expect(feature.code, feature.out).toBe(0);
  expect(feature.stderr).toMatch(/warning contract-review/);
  const blocked = repo.git(['push', 'origin', 'main']);
  expect(blocked.code).not.toBe(0);
  expect(blocked.stderr).toMatch(/✖ error contract-review/);
  expect(blocked.stderr).toContain('awaits review by frontend-specialist');
  expect(blocked.stderr).toContain('orch review approve api/openapi.yaml');

  // only a consumer acknowledges a contract; docker-expert cannot
  const wrong = repo.orch(['review', 'approve', 'api/openapi.yaml'], { env: { ORCH_AGENT: 'docker-expert' } });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('only the reviewer (frontend-specialist)');
  const ack = repo.orch(['review', 'approve', 'api/openapi.yaml'], { env: consumer });
  expect(ack.code, ack.out).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('acknowledge the orders contract', { env: consumer }).code).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(
    /^\| api\/openapi\.yaml \| backend-architect \| frontend-specialist \| approved \(blob [0-9a-f]+\)/m,
  );
  const pushed = repo.git(['push', 'origin', 'main']);
  expect(pushed.code, pushed.out).toBe(0);
  expect(pushed.stderr).not.toContain('contract-review');
  const acknowledged = repo.ok(['rev-parse', 'HEAD']).trim();

  // a further change without the hooks leaves the acknowledgement on the old content: void
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "2" }\npaths:\n  /orders: {}\n');
  repo.write('api/tests/orders.test.ts', "it('lists orders v2', () => expect(2).toBe(2));\n");
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'contract v2', '-m', 'Agent: backend-architect']);
  const ci = orchCi(repo, ['--base', acknowledged, '--head', 'HEAD', '--format', 'json']);
  expect(ci.code).toBe(1);
  const review = JSON.parse(ci.stdout).findings.filter((f: { rule: string }) => f.rule === 'contract-review');
  expect(review).toHaveLength(1);
  expect(review[0]).toMatchObject({
    severity: 'error',
    path: 'api/openapi.yaml',
    commit: repo.ok(['rev-parse', 'HEAD']).trim(),
  });
  expect(review[0].message).toContain('changed after frontend-specialist approved it');
  const again = repo.git(['push', 'origin', 'main']);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/✖ error contract-review/);

  // through the hooks, the owner's next change records a fresh request instead
  repo.ok(['reset', '-q', '--hard', acknowledged]);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "3" }\npaths:\n  /orders: {}\n');
  repo.write('api/tests/orders.test.ts', "it('lists orders v3', () => expect(3).toBe(3));\n");
  repo.ok(['add', '-A']);
  expect(repo.commit('contract v3', { env: owner }).code).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(REQUESTED);
  expect(repo.git(['push', 'origin', 'main']).code).not.toBe(0);
});
