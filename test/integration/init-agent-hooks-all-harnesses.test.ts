// orch init --agent-hooks: every event into each harness's own project configuration,
// keeping what is there, a second run changing nothing; "detect" wires the harnesses whose
// directories exist; orch doctor checks the wiring and the identity sessions resolve to.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('merges every event into Codex, Gemini CLI and Cursor configurations idempotently, and doctor checks them', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  repo.write(
    '.codex/hooks.json',
    JSON.stringify(
      {
        hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'python3 .codex/check.py' }] }] },
      },
      null,
      2,
    ),
  );
  repo.write(
    '.gemini/settings.json',
    JSON.stringify(
      {
        theme: 'GitHub',
        hooks: { AfterTool: [{ matcher: 'write_file', hooks: [{ type: 'command', command: 'prettier' }] }] },
      },
      null,
      2,
    ),
  );
  repo.write(
    '.cursor/hooks.json',
    JSON.stringify({ version: 1, hooks: { afterFileEdit: [{ command: './hooks/format.sh' }] } }, null, 2),
  );

  const first = repo.orch(['init', '--agent-hooks', 'detect']);
  expect(first.code, first.out).toBe(0);
  expect(first.stdout).toContain('update .codex/hooks.json');
  expect(first.stdout).toContain('update .gemini/settings.json');
  expect(first.stdout).toContain('update .cursor/hooks.json');
  expect(first.stdout).not.toContain('.claude/settings.json'); // no .claude directory here
  expect(first.stdout).toContain('/hooks'); // Codex asks to trust new hooks

  const codex = JSON.parse(repo.read('.codex/hooks.json'));
  expect(codex.hooks.PreToolUse).toEqual([
    { matcher: 'Bash', hooks: [{ type: 'command', command: 'python3 .codex/check.py' }] },
    { matcher: 'Bash|apply_patch|Edit|Write', hooks: [{ type: 'command', command: 'orch guard --harness codex' }] },
  ]);
  for (const e of ['PostToolUse', 'SessionStart', 'Stop'])
    expect(JSON.stringify(codex.hooks[e])).toContain('--harness codex');

  const gemini = JSON.parse(repo.read('.gemini/settings.json'));
  expect(gemini.theme).toBe('GitHub');
  expect(gemini.hooks.AfterTool[0]).toEqual({
    matcher: 'write_file',
    hooks: [{ type: 'command', command: 'prettier' }],
  });
  for (const e of ['BeforeTool', 'AfterTool', 'SessionStart', 'AfterAgent', 'SessionEnd'])
    expect(JSON.stringify(gemini.hooks[e]), e).toContain('--harness gemini');

  const cursor = JSON.parse(repo.read('.cursor/hooks.json'));
  expect(cursor.version).toBe(1);
  expect(cursor.hooks.afterFileEdit).toEqual([
    { command: './hooks/format.sh' },
    { command: 'orch post-edit --harness cursor' },
  ]);
  expect(cursor.hooks.preToolUse).toEqual([
    { command: 'orch guard --harness cursor', matcher: 'Write|Edit|StrReplace|MultiEdit|Delete' },
  ]);
  for (const e of ['beforeShellExecution', 'afterShellExecution', 'sessionStart', 'stop', 'sessionEnd'])
    expect(JSON.stringify(cursor.hooks[e]), e).toContain('--harness cursor');

  const snapshot = ['.codex/hooks.json', '.gemini/settings.json', '.cursor/hooks.json'].map((f) => repo.read(f));
  const again = repo.orch(['init', '--agent-hooks', 'all']);
  expect(again.code, again.out).toBe(0);
  expect(again.stdout).toContain('create .claude/settings.json'); // "all" includes Claude Code
  expect(['.codex/hooks.json', '.gemini/settings.json', '.cursor/hooks.json'].map((f) => repo.read(f))).toEqual(
    snapshot,
  );
  expect(repo.orch(['init', '--agent-hooks', 'claude,codex,gemini,cursor']).stdout).toContain('Nothing to change');

  // doctor: wired everywhere; the identity decides whether sessions act as agents
  const asAgent = repo.orch(['doctor'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  for (const label of ['Claude Code', 'Codex CLI', 'Gemini CLI', 'Cursor'])
    expect(asAgent.out).toMatch(
      new RegExp(`${label} hooks.*calls orch at every event; sessions started from here act as frontend-specialist`),
    );
  const asPerson = repo.orch(['doctor']);
  expect(asPerson.out).toMatch(/Cursor hooks.*resolves to the person person@example\.test, not an agent/);

  // a configuration that lost an event is reported
  const broken = JSON.parse(repo.read('.cursor/hooks.json'));
  delete broken.hooks.stop;
  repo.write('.cursor/hooks.json', JSON.stringify(broken, null, 2));
  const doctor = repo.orch(['doctor'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(doctor.out).toMatch(/\.cursor\/hooks\.json does not call orch at stop/);
  expect(doctor.out).toContain('orch init --agent-hooks cursor');
});
