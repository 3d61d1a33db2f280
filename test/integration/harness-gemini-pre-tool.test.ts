// Gemini CLI, BeforeTool: write_file, replace and run_shell_command writers, as Gemini CLI
// calls the hook `orch init --agent-hooks gemini` wrote into .gemini/settings.json.
import { afterAll, expect, it } from 'vitest';
import { allowed, denied, hook, reason } from '../helpers/harnessHooks.js';
import { shellWriters } from '../helpers/shellWriters.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('Gemini CLI: write_file, replace and shell writers of a locked path are denied; free paths pass with JSON-only stdout', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'gemini']).code).toBe(0);
  repo.write('README.md', 'readme\n');
  repo.write('src/app.js', 'export const a = 1\n');
  repo.ok(['add', 'README.md', 'src']);
  repo.ok(['commit', '-q', '-m', 'app', '--no-verify']);
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-9'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  const me = { ORCH_AGENT: 'frontend-specialist' };

  for (const [fixture, tool] of [
    ['before-tool.write-file', 'write_file'],
    ['before-tool.replace', 'replace'],
  ] as const) {
    const r = hook(repo, 'gemini', 'BeforeTool', fixture, { file: 'src/app.js' }, me, tool);
    expect(denied('gemini', r), `${tool}: ${r.out}`).toBe(true);
    expect(reason('gemini', r)).toContain('locked by backend-architect');
    const free = hook(repo, 'gemini', 'BeforeTool', fixture, { file: 'src/free.js' }, me, tool);
    expect(allowed('gemini', free), free.out).toBe(true);
    expect(JSON.parse(free.stdout)).toEqual({});
  }
  for (const command of shellWriters('src/app.js')) {
    const r = hook(repo, 'gemini', 'BeforeTool', 'before-tool.run-shell-command', { command }, me, 'run_shell_command');
    expect(denied('gemini', r), `${command}: ${r.out}`).toBe(true);
  }
  expect(
    allowed(
      'gemini',
      hook(
        repo,
        'gemini',
        'BeforeTool',
        'before-tool.run-shell-command',
        { command: 'git status' },
        me,
        'run_shell_command',
      ),
    ),
  ).toBe(true);
});
