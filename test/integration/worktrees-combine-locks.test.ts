import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("blocks an agent in worktree B by a lock written in worktree A's WORK_STATUS.md", () => {
  const repo = tempRepo();
  repo.write('src/shared.ts', 'export {}\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('base').code).toBe(0);
  const b = path.join(path.dirname(repo.dir), 'wt-b');
  repo.ok(['worktree', 'add', '-q', '-b', 'agent-b', b]);

  // agent A locks in the main worktree and does not commit the status file
  expect(repo.orch(['lock', 'src/shared.ts'], { env: { ORCH_AGENT: 'agent-a' } }).code).toBe(0);

  repo.write('../wt-b/src/shared.ts', 'export const b = 1;\n');
  repo.ok(['add', 'src/shared.ts'], { cwd: b });
  const r = repo.git(['commit', '-q', '-m', 'b edits shared'], { cwd: b, env: { ORCH_AGENT: 'agent-b' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('src/shared.ts is locked by agent-a');

  // and B cannot take the same lock from its own worktree either
  const lock = repo.orch(['lock', 'src/shared.ts'], { cwd: b, env: { ORCH_AGENT: 'agent-b' } });
  expect(lock.code).toBe(1);
  expect(lock.stderr).toContain('agent-a');
});
