// An agent name with a line break, "|" or a control character would write broken lock
// rows and forged trailers ("a\nAgent: b"). Wherever the name comes from — --agent,
// ORCH_AGENT, git config orch.agent or a commit's Agent: trailer — it is refused with
// exit 2 and nothing is written.
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify } from '../helpers/rangeHooks.js';
import { laterStages, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a name with a newline, "|" or a control character is refused with exit 2 by orch lock, the commit hooks, orch ci and pre-receive', () => {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  const status = repo.read('WORK_STATUS.md');

  const byFlag = repo.orch(['lock', 'src/other.js', '--agent', 'front|end']);
  expect(byFlag.code).toBe(2);
  expect(byFlag.stderr).toContain('the agent name from --agent ("front|end") contains "|"');
  expect(byFlag.stderr).not.toMatch(/\n\s+at /);
  const byEnv = repo.orch(['lock', 'src/other.js'], { env: { ORCH_AGENT: 'frontend\n| src/app.js | frontend' } });
  expect(byEnv.code).toBe(2);
  expect(byEnv.stderr).toContain('ORCH_AGENT');
  expect(repo.read('WORK_STATUS.md')).toBe(status);

  // the commit hooks: nothing is committed, and no stack trace reaches the user
  repo.write('src/other.js', 'x\n');
  repo.ok(['add', 'src/other.js']);
  const head = repo.ok(['rev-parse', 'HEAD']).trim();
  const commit = repo.commit('other', { env: { ORCH_AGENT: 'frontend\nAgent: backend-architect' } });
  expect(commit.code).not.toBe(0);
  expect(commit.stderr).toContain('contains a line break');
  expect(commit.stderr).not.toMatch(/\n\s+at /);
  repo.ok(['config', 'orch.agent', 'front\x07end']);
  const byConfig = repo.commit('other');
  expect(byConfig.code).not.toBe(0);
  expect(byConfig.stderr).toContain('git config orch.agent');
  expect(byConfig.stderr).toContain('U+0007');
  repo.ok(['config', '--unset', 'orch.agent']);
  expect(repo.ok(['rev-parse', 'HEAD']).trim()).toBe(head);

  // a trailer made by hand, with the hooks skipped: every later stage refuses the range
  commitNoVerify(repo, 'other', 'front|end');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('the agent name from the commit\'s Agent: trailer ("front|end") contains "|"');
  }
  expect(ci.code).toBe(2);
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
