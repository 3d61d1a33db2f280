import { afterAll, expect, it } from 'vitest';
import { githubPullRequest, orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const owner = { ORCH_AGENT: 'backend-architect' };
type Finding = { rule: string; severity: string; path: string; commit?: string; message: string; fix?: string };
const proofOf = (stdout: string): Finding[] =>
  (JSON.parse(stdout).findings as Finding[]).filter((f) => f.rule === 'contract-proof');

it('a contract change that only deletes needs no proof; a test that is only deleted or moved is no proof', () => {
  const { repo } = serverAndClone(tempRepo);
  expect(repo.orch(['lock', 'api/', '--task', 'T-8'], { env: owner }).code).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths: {}\n');
  repo.write('api/legacy.proto', 'syntax = "proto3";\nmessage Legacy {}\n');
  repo.write('api/tests/shop.test.ts', "it('boots', () => expect(1).toBe(1));\n");
  repo.ok(['add', '-A']);
  expect(repo.commit('contract and its test', { env: owner }).code).toBe(0);
  expect(repo.git(['push', '-q', 'origin', 'main']).code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  repo.ok(['rm', '-q', 'api/legacy.proto']);
  const removed = repo.commit('drop the legacy contract', { env: owner });
  expect(removed.code, removed.out).toBe(0);
  expect(removed.stderr).not.toContain('contract-proof');
  const deleteOnly = orchCi(repo, ['--format', 'json'], {
    env: githubPullRequest(repo, base, repo.ok(['rev-parse', 'HEAD']).trim()),
  });
  expect(proofOf(deleteOnly.stdout)).toEqual([]);
  expect(repo.git(['push', '-q', 'origin', 'main']).code).toBe(0);
  const base2 = repo.ok(['rev-parse', 'HEAD']).trim();

  // a contract change whose only "proof" is moving the test unchanged and deleting nothing new
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\ninfo: { title: shop, version: "2" }\npaths: {}\n');
  repo.ok(['mv', 'api/tests/shop.test.ts', 'api/tests/boot.test.ts']);
  repo.ok(['add', '-A']);
  expect(repo.commit('contract v2, test moved', { env: owner }).code).toBe(0);
  const moved = orchCi(repo, ['--format', 'json'], {
    env: githubPullRequest(repo, base2, repo.ok(['rev-parse', 'HEAD']).trim()),
  });
  expect(moved.code).toBe(1);
  expect(proofOf(moved.stdout)).toMatchObject([{ severity: 'error', path: 'api/openapi.yaml' }]);
});
