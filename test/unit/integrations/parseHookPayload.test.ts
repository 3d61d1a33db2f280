import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseHookPayload } from '../../../src/integrations/parseGuardInput.js';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/harness');
const load = (harness: string, name: string, vars: Record<string, string> = {}) => {
  let text = fs.readFileSync(path.join(FIX, harness, `${name}.json`), 'utf8');
  for (const [k, v] of Object.entries({
    __REPO__: '/work/app',
    __FILE__: '/work/app/src/a.ts',
    __SESSION__: 's-1',
    __COMMAND__: 'rm src/a.ts',
    __PATCH__: '*** Begin Patch',
    ...vars,
  }))
    text = text.replaceAll(k, v);
  return text;
};

describe('parseHookPayload on the recorded payloads', () => {
  it('recognises each harness and phase, and what the call edits', () => {
    expect(parseHookPayload(load('claude', 'pre-tool-use.notebook-edit'))).toMatchObject({
      phase: 'pre',
      cwd: '/work/app',
      sessionId: 's-1',
      edit: { kind: 'paths', paths: ['/work/app/src/a.ts'] },
    });
    expect(parseHookPayload(load('codex', 'pre-tool-use.apply-patch'))).toMatchObject({
      harness: 'codex',
      phase: 'pre',
      edit: { kind: 'patch', text: '*** Begin Patch' },
    });
    expect(parseHookPayload(load('gemini', 'before-tool.run-shell-command'))).toMatchObject({
      harness: 'gemini',
      phase: 'pre',
      edit: { kind: 'shell', command: 'rm src/a.ts' },
    });
    expect(parseHookPayload(load('cursor', 'before-shell-execution'))).toMatchObject({
      harness: 'cursor',
      phase: 'pre',
      edit: { kind: 'shell', command: 'rm src/a.ts' },
    });
    expect(parseHookPayload(load('cursor', 'pre-tool-use.str-replace'))).toMatchObject({
      edit: { kind: 'paths', paths: ['/work/app/src/a.ts'] },
    });
    expect(parseHookPayload(load('cursor', 'after-file-edit'))).toMatchObject({
      phase: 'post',
      cwd: '/work/app',
      sessionId: 's-1',
      edit: { kind: 'paths', paths: ['/work/app/src/a.ts'] },
    });
  });
  it('reads the stop loop guard of each harness', () => {
    expect(parseHookPayload(load('claude', 'stop'), 'claude')).toMatchObject({ phase: 'stop', stopHookActive: false });
    expect(
      parseHookPayload(JSON.stringify({ ...JSON.parse(load('codex', 'stop')), stop_hook_active: true }), 'codex')
        .stopHookActive,
    ).toBe(true);
    expect(parseHookPayload(load('gemini', 'after-agent'), 'gemini')).toMatchObject({
      phase: 'stop',
      stopHookActive: false,
    });
    expect(
      parseHookPayload(JSON.stringify({ ...JSON.parse(load('cursor', 'stop')), loop_count: 1 })).stopHookActive,
    ).toBe(true);
  });
  it('accepts tool arguments sent as a JSON string', () => {
    const p = parseHookPayload(
      JSON.stringify({
        hook_event_name: 'preToolUse',
        cwd: '/w',
        tool_name: 'Write',
        tool_input: JSON.stringify({ file_path: 'a.ts' }),
      }),
    );
    expect(p.edit).toEqual({ kind: 'paths', paths: ['/w/a.ts'] });
  });
});
