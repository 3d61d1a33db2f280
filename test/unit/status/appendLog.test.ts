import { describe, expect, it } from 'vitest';
import { appendLog } from '../../../src/status/appendLog.js';

describe('appendLog', () => {
  it('appends after the last entry of the Log section, before the next heading', () => {
    const doc = '# S\n\n## Log\n\n- a\n- b\n\n\n## Archive\n\n- old\n';
    expect(appendLog(doc, ['c', '- d'])).toBe('# S\n\n## Log\n\n- a\n- b\n- c\n- d\n\n\n## Archive\n\n- old\n');
  });

  it('does not stop at a deeper heading or at a heading inside a code block', () => {
    const doc = '## Log\n\n### 2026-11-25\n\n- a\n\n```\n## not a heading\n```\n\n## Next\n';
    expect(appendLog(doc, ['b'])).toBe(
      '## Log\n\n### 2026-11-25\n\n- a\n\n```\n## not a heading\n```\n- b\n\n## Next\n',
    );
  });

  it('writes a blank line after a bare Log heading', () => {
    expect(appendLog('# S\n\n## Log\n', ['x'])).toBe('# S\n\n## Log\n\n- x\n');
  });

  it('creates ## Log at the end when there is none, keeping a missing final newline', () => {
    expect(appendLog('# S\n\nText.\n', ['x'])).toBe('# S\n\nText.\n\n## Log\n\n- x\n');
    expect(appendLog('# S\n\nText.', ['x'])).toBe('# S\n\nText.\n\n## Log\n\n- x');
    expect(appendLog('# S\n\n## Log\n\n- a', ['b'])).toBe('# S\n\n## Log\n\n- a\n- b');
  });

  it('keeps CRLF and puts a multi-line entry on one line', () => {
    expect(appendLog('## Log\r\n\r\n- a\r\n', ['b\nc'])).toBe('## Log\r\n\r\n- a\r\n- b c\r\n');
  });

  it('closes a code block the Log leaves open, so the entries stay readable', () => {
    expect(appendLog('## Log\n\n- a\n```\nnotes', ['b'])).toBe('## Log\n\n- a\n```\nnotes\n```\n- b');
    expect(appendLog('## Log\n\n<!-- old entries\n- a\n', ['b'])).toBe('## Log\n\n<!-- old entries\n- a\n-->\n- b\n');
  });

  it('handles a 20,000-line log', () => {
    const doc =
      '# S\n\n## Log\n\n' +
      Array.from({ length: 20_000 }, (_, i) => `- 2026-01-01T00:00Z a T-${i}: M f${i}`).join('\n') +
      '\n';
    const out = appendLog(doc, ['new']);
    expect(out).toBe(doc + '- new\n');
  });
});
