// Codex CLI, PreToolUse: apply_patch (its Update, Add, Delete and Move headers) and Bash
// writers, as Codex calls the hook `orch init --agent-hooks codex` wrote into .codex/hooks.json.
import { afterAll, expect, it } from 'vitest';
import { allowed, denied, hook, reason } from '../helpers/harnessHooks.js';
import { shellWriters } from '../helpers/shellWriters.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const patch = (...sections: string[]) => ['*** Begin Patch', ...sections, '*** End Patch', ''].join('\n');

it('Codex CLI: apply_patch touching a locked path by any header is denied, other patches pass; Bash writers are denied', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'codex']).code).toBe(0);
  repo.write('README.md', 'readme\n');
  repo.write('src/app.js', 'export const a = 1\n');
  repo.write('src/util.js', 'export const u = 1\n');
  repo.ok(['add', 'README.md', 'src']);
  repo.ok(['commit', '-q', '-m', 'app', '--no-verify']);
  const holder = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'src/app.js', 'src/locked/', '--task', 'T-7'], { env: holder }).code).toBe(0);
  const me = { ORCH_AGENT: 'frontend-specialist' };

  const cases: [string, string][] = [
    ['Update', patch('*** Update File: src/app.js', '@@', '-export const a = 1', '+export const a = 2')],
    ['Add', patch('*** Add File: src/locked/new.js', '+export const n = 1')],
    ['Delete', patch('*** Delete File: src/app.js')],
    [
      'Move',
      patch(
        '*** Update File: src/util.js',
        '*** Move to: src/locked/util.js',
        '@@',
        '-export const u = 1',
        '+export const u = 2',
      ),
    ],
    [
      'second of two files',
      patch('*** Update File: src/util.js', '@@', '-1', '+2', '*** Update File: src/app.js', '@@', '-1', '+2'),
    ],
  ];
  for (const [what, text] of cases) {
    const r = hook(repo, 'codex', 'PreToolUse', 'pre-tool-use.apply-patch', { patch: text }, me, 'apply_patch');
    expect(denied('codex', r), `${what}: ${r.out}`).toBe(true);
    expect(reason('codex', r)).toContain('backend-architect');
    expect(reason('codex', r)).not.toMatch(/steal/i);
  }
  const free = patch(
    '*** Update File: src/util.js',
    '@@',
    '-export const u = 1',
    '+export const u = 2',
    '*** Add File: src/new.js',
    '+x',
  );
  const ok = hook(repo, 'codex', 'PreToolUse', 'pre-tool-use.apply-patch', { patch: free }, me, 'apply_patch');
  expect(allowed('codex', ok), ok.out).toBe(true);
  expect(ok.stdout).toBe('');

  // apply_patch through the shell tool, as a heredoc
  const heredoc = `apply_patch <<'EOF'\n${patch('*** Update File: src/app.js', '@@', '-1', '+2')}EOF`;
  expect(
    denied('codex', hook(repo, 'codex', 'PreToolUse', 'pre-tool-use.bash', { command: heredoc }, me, 'Bash')),
  ).toBe(true);

  for (const command of shellWriters('src/app.js')) {
    const r = hook(repo, 'codex', 'PreToolUse', 'pre-tool-use.bash', { command }, me, 'Bash');
    expect(denied('codex', r), `${command}: ${r.out}`).toBe(true);
  }
  expect(
    allowed('codex', hook(repo, 'codex', 'PreToolUse', 'pre-tool-use.bash', { command: 'cat src/app.js' }, me, 'Bash')),
  ).toBe(true);
  expect(repo.read('src/app.js')).toBe('export const a = 1\n');
});
