import { afterAll, expect, it } from 'vitest';
import { githubPullRequest, orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const owner = { ORCH_AGENT: 'backend-architect' };
type Finding = { rule: string; severity: string; path: string; commit?: string; message: string; fix?: string };
const proofOf = (stdout: string): Finding[] =>
  (JSON.parse(stdout).findings as Finding[]).filter((f) => f.rule === 'contract-proof');

it('a contract change without proof warns at pre-commit and fails CI and pre-push on main; the proof in a later commit of the same range passes', () => {
  const { repo } = serverAndClone(tempRepo);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  expect(repo.orch(['lock', 'api/', '--task', 'T-7'], { env: owner }).code).toBe(0);
  repo.write(
    'api/openapi.yaml',
    'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths:\n  /orders: { get: { responses: { "200": { description: ok } } } }\n',
  );
  repo.ok(['add', '-A']);
  const c1 = repo.commit('orders endpoint in the contract', { env: owner });
  expect(c1.code, c1.out).toBe(0); // only a warning: the proof may come in the next commit
  expect(c1.stderr).toMatch(/warning contract-proof/);
  expect(c1.stderr).toContain('api/openapi.yaml');
  expect(c1.stderr).toContain('**/*.test.*'); // the finding lists the globs it looked for
  const first = repo.ok(['rev-parse', 'HEAD']).trim();

  // CI on a pull request into main: an error naming the path, the commit and the fix
  const ci = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, first) });
  expect(ci.code, ci.out).toBe(1);
  const [finding] = proofOf(ci.stdout);
  expect(finding).toMatchObject({ severity: 'error', path: 'api/openapi.yaml', commit: first });
  expect(finding.message).toContain('**/tests/**');
  expect(finding.fix).toContain('test');
  // into another branch it is a warning
  const elsewhere = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, first, 'feature/orders') });
  expect(elsewhere.code, elsewhere.out).toBe(0);
  expect(proofOf(elsewhere.stdout)[0]).toMatchObject({ severity: 'warning', path: 'api/openapi.yaml' });

  const blocked = repo.git(['push', 'origin', 'main']);
  expect(blocked.code).not.toBe(0);
  expect(blocked.stderr).toMatch(/✖ error contract-proof/);

  // the test that exercises the endpoint, in a later commit of the same push
  repo.write(
    'api/tests/orders.test.ts',
    "it('lists orders', async () => { expect((await get('/orders')).status).toBe(200); });\n",
  );
  repo.ok(['add', '-A']);
  const c2 = repo.commit('orders endpoint test', { env: owner });
  expect(c2.code, c2.out).toBe(0);
  const second = repo.ok(['rev-parse', 'HEAD']).trim();
  const proven = orchCi(repo, ['--format', 'json'], { env: githubPullRequest(repo, base, second) });
  expect(proofOf(proven.stdout)).toEqual([]);
  const pushed = repo.git(['push', 'origin', 'main']);
  expect(pushed.code, pushed.out).toBe(0);
  expect(pushed.stderr).not.toContain('contract-proof');
});
