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
  it('creates the settings file with the PreToolUse entry', () => {
    const plan = planClaudeHooks(project(), []);
    expect(plan.changes[0].action).toBe('create');
    expect(JSON.parse(plan.changes[0].content!)).toEqual({
      hooks: { PreToolUse: [{ matcher: 'Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', command: 'orch guard' }] }] },
    });
  });

  it('names a local install through $CLAUDE_PROJECT_DIR', () => {
    const plan = planClaudeHooks(project(), ['node_modules/.bin/orch']);
    expect(plan.changes[0].content).toContain('\\"$CLAUDE_PROJECT_DIR\\"/node_modules/.bin/orch guard');
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
    expect(merged.hooks.PostToolUse).toEqual(existing.hooks.PostToolUse);
    expect(merged.hooks.PreToolUse).toEqual([
      existing.hooks.PreToolUse[0],
      { matcher: 'Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', command: 'orch guard' }] },
    ]);
    expect(plan.changes[0].content!.startsWith('{\n    "permissions"')).toBe(true);
    fs.writeFileSync(path.join(dir, '.claude/settings.json'), plan.changes[0].content!);
    expect(planClaudeHooks(dir, []).changes).toEqual([]);
  });

  it('refuses settings that are not JSON, naming the file', () => {
    expect(() => planClaudeHooks(project('{ "hooks": '), [])).toThrow(/\.claude\/settings\.json is not valid JSON/);
  });
});
