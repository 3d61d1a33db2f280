import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planClaudeHooks } from '../../../src/integrations/planClaudeHooks.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(settings?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-claude-'));
  dirs.push(dir);
  if (settings !== undefined) {
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude/settings.json'), settings);
  }
  return dir;
}

describe('planClaudeHooks', () => {
  it('creates the settings file with every event orch answers', () => {
    const plan = planClaudeHooks(project(), []);
    expect(plan.changes[0].action).toBe('create');
    const matcher = 'Edit|Write|MultiEdit|NotebookEdit|Bash';
    const cmd = (command: string) => [{ type: 'command', command }];
    expect(JSON.parse(plan.changes[0].content!)).toEqual({
      hooks: {
        PreToolUse: [{ matcher, hooks: cmd('orch guard --harness claude') }],
        PostToolUse: [{ matcher, hooks: cmd('orch post-edit --harness claude') }],
        SessionStart: [{ hooks: cmd('orch brief --harness claude') }],
        Stop: [{ hooks: cmd('orch session stop --harness claude') }],
        SessionEnd: [{ hooks: cmd('orch session end --harness claude') }],
      },
    });
  });

  it('brings an entry an earlier orch wrote (no --harness, no Bash) up to date', () => {
    const old = {
      hooks: {
        PreToolUse: [
          { matcher: 'Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', command: 'orch guard' }] },
        ],
      },
    };
    const merged = JSON.parse(planClaudeHooks(project(JSON.stringify(old)), []).changes[0].content!);
    expect(merged.hooks.PreToolUse).toEqual([
      {
        matcher: 'Edit|Write|MultiEdit|NotebookEdit|Bash',
        hooks: [{ type: 'command', command: 'orch guard --harness claude' }],
      },
    ]);
  });

  it('names a local install through $CLAUDE_PROJECT_DIR', () => {
    const plan = planClaudeHooks(project(), ['node_modules/.bin/orch']);
    expect(plan.changes[0].content).toContain(
      '\\"$CLAUDE_PROJECT_DIR\\"/node_modules/.bin/orch guard --harness claude',
    );
  });

  it('merges into existing settings and is idempotent', () => {
    const existing = {
      permissions: { allow: ['Bash(npm test)'] },
      hooks: {
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './check-bash.sh' }] }],
        PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'npx prettier --write' }] }],
      },
    };
    const dir = project(JSON.stringify(existing, null, 4));
    const plan = planClaudeHooks(dir, []);
    const merged = JSON.parse(plan.changes[0].content!);
    expect(merged.permissions).toEqual(existing.permissions);
    expect(merged.hooks.PostToolUse[0]).toEqual(existing.hooks.PostToolUse[0]);
    expect(merged.hooks.PreToolUse).toEqual([
      existing.hooks.PreToolUse[0],
      {
        matcher: 'Edit|Write|MultiEdit|NotebookEdit|Bash',
        hooks: [{ type: 'command', command: 'orch guard --harness claude' }],
      },
    ]);
    expect(plan.changes[0].content!.startsWith('{\n    "permissions"')).toBe(true);
    fs.writeFileSync(path.join(dir, '.claude/settings.json'), plan.changes[0].content!);
    expect(planClaudeHooks(dir, []).changes).toEqual([]);
  });

  it('refuses settings that are not JSON, naming the file', () => {
    expect(() => planClaudeHooks(project('{ "hooks": '), [])).toThrow(/\.claude\/settings\.json is not valid JSON/);
  });
});
