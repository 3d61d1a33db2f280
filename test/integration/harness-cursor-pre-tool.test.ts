// Cursor, preToolUse and beforeShellExecution: file tools and shell writers, as Cursor calls
// the hooks `orch init --agent-hooks cursor` wrote into .cursor/hooks.json.
import { afterAll, expect, it } from 'vitest';
import { allowed, denied, hook, reason } from '../helpers/harnessHooks.js';
import { shellWriters } from '../helpers/shellWriters.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('Cursor: Write, StrReplace, Delete and shell writers of a locked path get permission deny with an agent_message; free paths get allow', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'cursor']).code).toBe(0);
  repo.write('README.md', 'readme\n');
  repo.write('src/app.js', 'export const a = 1\n');
  repo.ok(['add', 'README.md', 'src']);
  repo.ok(['commit', '-q', '-m', 'app', '--no-verify']);
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-3'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  const me = { ORCH_AGENT: 'frontend-specialist' };

  for (const [fixture, tool] of [
    ['pre-tool-use.write', 'Write'],
    ['pre-tool-use.str-replace', 'StrReplace'],
    ['pre-tool-use.delete', 'Delete'],
  ] as const) {
    const r = hook(repo, 'cursor', 'preToolUse', fixture, { file: 'src/app.js' }, me, tool);
    expect(denied('cursor', r), `${tool}: ${r.out}`).toBe(true);
    const out = JSON.parse(r.stdout);
    expect(out.agent_message).toContain('locked by backend-architect');
    expect(out.user_message).toContain('src/app.js');
    expect(reason('cursor', r)).not.toMatch(/steal/i);
    const free = hook(repo, 'cursor', 'preToolUse', fixture, { file: 'src/free.js' }, me, tool);
    expect(JSON.parse(free.stdout)).toEqual({ permission: 'allow' });
  }
  for (const command of shellWriters('src/app.js')) {
    const r = hook(repo, 'cursor', 'beforeShellExecution', 'before-shell-execution', { command }, me);
    expect(denied('cursor', r), `${command}: ${r.out}`).toBe(true);
  }
  const ls = hook(repo, 'cursor', 'beforeShellExecution', 'before-shell-execution', { command: 'ls' }, me);
  expect(allowed('cursor', ls)).toBe(true);
  expect(JSON.parse(ls.stdout)).toEqual({ permission: 'allow' });
});
