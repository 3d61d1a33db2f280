import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const owner = { ORCH_AGENT: 'backend-architect' };

it('nobody but the consumer can acknowledge a contract handoff: not the owner, not docker-expert, not by editing the status file', () => {
  const { repo } = serverAndClone(tempRepo);
  const configPath = path.join(repo.dir, '.orchrc.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  config.contracts[0].consumers = ['frontend-specialist'];
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('frontend-specialist consumes the API contract').code).toBe(0);
  expect(repo.git(['push', '-q', 'origin', 'main']).code).toBe(0);

  expect(repo.orch(['lock', 'api/', '--task', 'T-9'], { env: owner }).code).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths:\n  /orders: {}\n');
  repo.write('api/tests/orders.test.ts', "it('lists orders', () => expect(1).toBe(1));\n");
  repo.ok(['add', '-A']);
  expect(repo.commit('orders in the contract', { env: owner }).code).toBe(0);
  const requested = repo.read('WORK_STATUS.md');
  const forged = requested.replace(
    /(\| api\/openapi\.yaml \| backend-architect \| frontend-specialist \| )requested/,
    '$1approved',
  );
  expect(forged).not.toBe(requested);

  for (const agent of ['backend-architect', 'docker-expert']) {
    fs.writeFileSync(path.join(repo.dir, 'WORK_STATUS.md'), forged);
    repo.ok(['add', 'WORK_STATUS.md']);
    const r = repo.commit(`${agent} approves for the consumer`, { env: { ORCH_AGENT: agent } });
    expect(r.code, agent).toBe(1);
    expect(r.stderr).toMatch(/error status-integrity/);
    expect(r.stderr).toContain('only the reviewer may approve it');
    repo.ok(['checkout', 'HEAD', '--', 'WORK_STATUS.md']);
  }

  // the same forgery past the hooks is caught at pre-push
  fs.writeFileSync(path.join(repo.dir, 'WORK_STATUS.md'), forged);
  commitNoVerify(repo, 'docker-expert approves for the consumer', 'docker-expert');
  const push = repo.git(['push', 'origin', 'main']);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toMatch(/✖ error status-integrity/);
});
