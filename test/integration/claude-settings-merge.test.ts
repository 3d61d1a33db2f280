import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch init --agent-hooks claude merges every orch event into .claude/settings.json, keeping what is there', () => {
  const repo = tempRepo();
  const existing = {
    $schema: 'https://json.schemastore.org/claude-code-settings.json',
    permissions: { allow: ['Bash(npm run lint)'], deny: ['Read(./.env)'] },
    env: { ORCH_AGENT: 'frontend-specialist' },
    hooks: {
      PreToolUse: [
        { matcher: 'Bash', hooks: [{ type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/check-bash.sh' }] },
      ],
      PostToolUse: [
        { matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"' }] },
      ],
    },
  };
  repo.write('.claude/settings.json', JSON.stringify(existing, null, 2) + '\n');

  const dry = repo.orch(['init', '--agent-hooks', 'claude', '--dry-run']);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.stdout).toContain('update .claude/settings.json');
  expect(JSON.parse(repo.read('.claude/settings.json'))).toEqual(existing);

  const init = repo.orch(['init', '--agent-hooks', 'claude']);
  expect(init.code, init.out).toBe(0);
  const merged = JSON.parse(repo.read('.claude/settings.json'));
  expect(merged.permissions).toEqual(existing.permissions);
  expect(merged.env).toEqual(existing.env);
  expect(merged.$schema).toBe(existing.$schema);
  const matcher = 'Edit|Write|MultiEdit|NotebookEdit|Bash';
  expect(merged.hooks.PostToolUse).toEqual([
    existing.hooks.PostToolUse[0],
    { matcher, hooks: [{ type: 'command', command: 'orch post-edit --harness claude' }] },
  ]);
  expect(merged.hooks.PreToolUse).toEqual([
    existing.hooks.PreToolUse[0],
    { matcher, hooks: [{ type: 'command', command: 'orch guard --harness claude' }] },
  ]);
  expect(merged.hooks.SessionStart).toEqual([{ hooks: [{ type: 'command', command: 'orch brief --harness claude' }] }]);
  expect(merged.hooks.Stop).toEqual([{ hooks: [{ type: 'command', command: 'orch session stop --harness claude' }] }]);
  expect(merged.hooks.SessionEnd).toEqual([
    { hooks: [{ type: 'command', command: 'orch session end --harness claude' }] },
  ]);

  // idempotent
  const again = repo.orch(['init', '--agent-hooks', 'claude']);
  expect(again.stdout).toContain('Nothing to change');
  expect(JSON.parse(repo.read('.claude/settings.json'))).toEqual(merged);

  const unknown = repo.orch(['init', '--agent-hooks', 'vim']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--agent-hooks vim is not supported');
});
