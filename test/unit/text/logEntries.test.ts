import { describe, it, expect } from 'vitest';
import { logEntries } from '../../../src/text/logEntries.js';

describe('logEntries', () => {
  it('returns the non-blank lines of the Log section with their line numbers', () => {
    const text = [
      '# Work Status', // 1
      '', // 2
      '## Locks', // 3
      '- not a log line', // 4
      '', // 5
      '## Log', // 6
      '', // 7
      '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml', // 8
      '  continued detail   ', // 9
      '- 2026-11-26T10:00Z frontend-dev T-3: A web/app.ts', // 10
      '', // 11
    ].join('\n');
    expect(logEntries(text)).toEqual([
      { line: 8, text: '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml' },
      { line: 9, text: '  continued detail' },
      { line: 10, text: '- 2026-11-26T10:00Z frontend-dev T-3: A web/app.ts' },
    ]);
  });

  it('ends the section at the next heading of the same or a higher level, not a lower one', () => {
    const text = '## Activity Log\n- a\n### Older\n- b\n## Reviews\n- c\n';
    expect(logEntries(text).map((e) => e.text)).toEqual(['- a', '### Older', '- b']);
  });

  it('ignores a "## Log" inside a code fence and files without a log', () => {
    expect(logEntries('# Notes\n```\n## Log\n- x\n```\n')).toEqual([]);
    expect(logEntries(null)).toEqual([]);
    expect(logEntries('## Locks\n| a | b |\n')).toEqual([]);
  });
});
