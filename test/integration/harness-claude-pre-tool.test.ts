// Claude Code, PreToolUse: every edit tool and every shell writer, as Claude Code calls the
// hook `orch init --agent-hooks claude` wrote into .claude/settings.json.
import { afterAll, expect, it } from 'vitest';
import { allowed, denied, hook, reason } from '../helpers/harnessHooks.js';
import { shellWriters } from '../helpers/shellWriters.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('Claude Code: Edit, Write, MultiEdit, NotebookEdit and Bash writers of a locked path are denied; free paths and reads pass', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'claude']).code).toBe(0);
  repo.write('README.md', 'readme\n');
  repo.write('src/app.js', 'export const a = 1\n');
  repo.ok(['add', 'README.md', 'src/app.js']);
  repo.ok(['commit', '-q', '-m', 'app', '--no-verify']);
  const holder = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-5'], { env: holder }).code).toBe(0);
  expect(repo.orch(['lock', 'notebooks/'], { env: holder }).code).toBe(0);
  const me = { ORCH_AGENT: 'frontend-specialist' };

  for (const [fixture, tool, file] of [
    ['pre-tool-use.edit', 'Edit', 'src/app.js'],
    ['pre-tool-use.write', 'Write', 'src/app.js'],
    ['pre-tool-use.multi-edit', 'MultiEdit', 'src/app.js'],
    ['pre-tool-use.notebook-edit', 'NotebookEdit', 'notebooks/analysis.ipynb'],
  ] as const) {
    const r = hook(repo, 'claude', 'PreToolUse', fixture, { file }, me, tool);
    expect(denied('claude', r), `${tool}: ${r.out}`).toBe(true);
    expect(reason('claude', r)).toContain('backend-architect');
    expect(reason('claude', r)).not.toMatch(/steal/i);
    const free = hook(repo, 'claude', 'PreToolUse', fixture, { file: `src/free-${tool}.js` }, me, tool);
    expect(allowed('claude', free), `${tool} free: ${free.out}`).toBe(true);
    expect(free.stdout).toBe('');
  }

  for (const command of shellWriters('src/app.js')) {
    const r = hook(repo, 'claude', 'PreToolUse', 'pre-tool-use.bash', { command }, me, 'Bash');
    expect(denied('claude', r), `${command}: ${r.out}`).toBe(true);
    expect(reason('claude', r)).toContain('src/app.js is locked by backend-architect');
  }
  for (const command of ['ls -la src', 'npm test', 'echo ok > src/free.js', 'rm "$SOME_FILE"', 'git checkout main']) {
    const r = hook(repo, 'claude', 'PreToolUse', 'pre-tool-use.bash', { command }, me, 'Bash');
    expect(allowed('claude', r), `${command}: ${r.out}`).toBe(true);
  }
  // the holder itself edits freely
  expect(
    allowed(
      'claude',
      hook(repo, 'claude', 'PreToolUse', 'pre-tool-use.bash', { command: 'sed -i s/1/2/ src/app.js' }, holder, 'Bash'),
    ),
  ).toBe(true);
  // nothing was changed by the checks
  expect(repo.read('src/app.js')).toBe('export const a = 1\n');
});
