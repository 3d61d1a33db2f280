import { afterAll, expect, it } from 'vitest';
import { BACKEND, FRONTEND, must, securityRepo, stages } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a range of ordinary merges (the merge driver joins the status files, main changed the locked file) reports nothing', () => {
  const s = securityRepo();
  const { repo } = s;
  repo.ok(['checkout', '-q', '-b', 'feature']);
  for (const round of [1, 2]) {
    repo.write(`web/ui${round}.js`, `export const ui = ${round};\n`);
    repo.ok(['add', '-A']);
    must(repo.commit(`frontend adds ui ${round}`, { env: FRONTEND }), 'frontend commits');
    repo.ok(['checkout', '-q', 'main']);
    repo.write('src/app.js', `export const app = ${10 + round};\n`);
    repo.write('api/openapi.yaml', `openapi: 3.0.0\ninfo: { title: orders v${round} }\n`);
    // the contract's proof comes with it (contract-proof)
    repo.write('test/orders.test.js', `// orders v${round}\n`);
    repo.ok(['add', '-A']);
    must(repo.commit(`backend works on, round ${round}`, { env: BACKEND }), 'backend commits');
    repo.ok(['checkout', '-q', 'feature']);
    // both sides appended to WORK_STATUS.md: the merge resolves it (orch's merge driver)
    must(repo.git(['merge', '-q', '--no-edit', 'main'], { env: FRONTEND }), 'merge');
  }
  expect(repo.read('src/app.js')).toBe('export const app = 12;\n');
  expect(repo.ok(['log', '--merges', '--format=%h', 'origin/main..feature']).trim().split('\n')).toHaveLength(2);

  const { prePush, ci, preReceive } = stages(s, 'feature');
  expect(prePush.code, prePush.out).toBe(0);
  expect(ci.code, ci.out).toBe(0);
  expect(JSON.parse(ci.stdout).findings).toEqual([]);
  expect(preReceive.code, preReceive.out).toBe(0);
  expect(s.server.ok(['show', 'main:src/app.js'])).toBe('export const app = 12;\n');
});
