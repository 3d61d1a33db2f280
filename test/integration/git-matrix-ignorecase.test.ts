// core.ignorecase=true (the default on macOS and Windows file systems): paths compare without
// case, so a lock on Src/App.ts blocks a change to src/app.ts — in a commit and when locking.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a lock on Src/App.ts blocks a commit of src/app.ts and a lock on SRC/', () => {
  const repo = tempRepo();
  repo.ok(['config', 'core.ignorecase', 'true']);
  expect(repo.orch(['lock', 'Src/App.ts'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  const a = { ORCH_AGENT: 'agent-a' };
  repo.write('src/app.ts', 'x\n');
  repo.ok(['add', 'src/app.ts']);
  const r = repo.commit('a edits the app', { env: a });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('src/app.ts');
  expect(r.stderr).toContain('is locked by agent-b');
  const dir = repo.orch(['lock', 'SRC/'], { env: a });
  expect(dir.code).toBe(1);
  expect(dir.out).toContain('agent-b');

  // case-sensitive too: src/app.ts is Src/App.ts on every macOS or Windows checkout
  repo.ok(['config', 'core.ignorecase', 'false']);
  expect(repo.commit('a edits a case twin', { env: a }).code).toBe(1);
});
