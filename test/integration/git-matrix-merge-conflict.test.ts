// A merge that stops on a conflict is finished with `git commit`, and that commit does run
// pre-commit: the resolution is checked like any change, blocked when it touches another
// agent's lock, and recorded when it passes (no trailer on a "Merge" message).
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('the conflict-resolution commit runs pre-commit: blocked under a foreign lock, recorded when free', () => {
  const repo = tempRepo();
  const a = { ORCH_AGENT: 'agent-a' };
  repo.write('shared/config.ts', 'export const v = 0;\n');
  repo.write('free/notes.md', 'base\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'base files']);
  repo.ok(['checkout', '-q', '-b', 'side']);
  repo.write('shared/config.ts', 'export const v = 1;\n');
  repo.write('free/notes.md', 'side\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('side edits', { env: a }).code).toBe(0);
  repo.ok(['checkout', '-q', 'main']);
  repo.write('shared/config.ts', 'export const v = 2;\n');
  repo.write('free/notes.md', 'main\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('main edits', { env: a }).code).toBe(0);
  // another agent takes shared/ while the branches diverge
  const b = { ORCH_AGENT: 'agent-b' };
  expect(repo.orch(['lock', 'shared/'], { env: b }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('b takes shared/', { env: b }).code).toBe(0);
  const head = repo.ok(['rev-parse', 'HEAD']);

  const merge = repo.git(['merge', 'side'], { env: a });
  expect(merge.code).toBe(1);
  expect(merge.out).toContain('CONFLICT');
  repo.write('shared/config.ts', 'export const v = 3;\n');
  repo.write('free/notes.md', 'both\n');
  repo.ok(['add', 'shared/config.ts', 'free/notes.md']);
  const blocked = repo.git(['commit', '--no-edit'], { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('lock-conflict');
  expect(blocked.stderr).toContain('is locked by agent-b');
  expect(blocked.out).not.toMatch(/\n\s+at [^\n]*:\d+:\d+/);
  expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);

  // resolved without touching the locked file (take main's side), the merge commit passes
  repo.ok(['checkout', '-q', 'HEAD', '--', 'shared/config.ts']);
  const ok = repo.git(['commit', '--no-edit'], { env: a });
  expect(ok.code, ok.out).toBe(0);
  const parents = repo.ok(['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ');
  expect(parents).toHaveLength(3);
  const message = repo.ok(['log', '-1', '--format=%B']);
  expect(message).toMatch(/^Merge branch 'side'/);
  expect(message).not.toContain('Agent:');
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*free\/notes\.md/);
});
