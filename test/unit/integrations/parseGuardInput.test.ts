import { describe, expect, it } from 'vitest';
import { parseGuardInput } from '../../../src/integrations/parseGuardInput.js';

const payload = (tool: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    session_id: 's',
    transcript_path: '/t.jsonl',
    cwd: '/work/app',
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: input,
    ...extra,
  });

describe('parseGuardInput', () => {
  it('takes the file of Claude Code edit tools', () => {
    for (const tool of ['Edit', 'Write', 'MultiEdit']) {
      expect(parseGuardInput(payload(tool, { file_path: '/work/app/src/a.ts', old_string: 'a' })).path).toBe(
        '/work/app/src/a.ts',
      );
    }
    expect(parseGuardInput(payload('NotebookEdit', { notebook_path: '/work/app/n.ipynb', new_source: '' })).path).toBe(
      '/work/app/n.ipynb',
    );
  });
  it("understands Gemini CLI's BeforeTool input for its file tools", () => {
    const gemini = (tool: string) =>
      payload(tool, { file_path: '/work/app/src/a.ts' }, { hook_event_name: 'BeforeTool' });
    expect(parseGuardInput(gemini('replace')).path).toBe('/work/app/src/a.ts');
    expect(parseGuardInput(gemini('write_file')).path).toBe('/work/app/src/a.ts');
    expect(parseGuardInput(gemini('read_file')).path).toBeNull();
  });
  it('resolves a relative path against the harness cwd', () => {
    expect(parseGuardInput(payload('Write', { file_path: 'docs/x.md' })).path).toBe('/work/app/docs/x.md');
  });
  it('lets other tools and other events through', () => {
    expect(parseGuardInput(payload('Read', { file_path: '/work/app/src/a.ts' })).path).toBeNull();
    expect(parseGuardInput(payload('Bash', { command: 'rm -rf src' })).path).toBeNull();
    expect(parseGuardInput(payload('Edit', { file_path: '/x' }, { hook_event_name: 'PostToolUse' })).path).toBeNull();
  });
  it('says what it expected when stdin is empty or not JSON', () => {
    expect(() => parseGuardInput('')).toThrow(/nothing on standard input/);
    expect(() => parseGuardInput('Edit src/a.ts')).toThrow(/not JSON/);
  });
});
