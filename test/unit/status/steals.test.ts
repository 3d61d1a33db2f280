import { describe, expect, it } from 'vitest';
import { formatStealEntry } from '../../../src/status/formatStealEntry.js';
import { parseStealEntry } from '../../../src/status/parseStealEntry.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { readSteals } from '../../../src/status/readSteals.js';

const entry = {
  at: '2026-11-26T09:05Z',
  by: 'frontend-dev',
  path: 'api/openapi.yaml',
  from: 'backend-architect',
  reason: 'backend agent offline; unblock release',
};

describe('steal entries', () => {
  it('formats the log line', () => {
    expect(formatStealEntry(entry)).toBe(
      '- 2026-11-26T09:05Z frontend-dev steal api/openapi.yaml from backend-architect: backend agent offline; unblock release',
    );
  });

  it('parses what it formats, including paths with spaces and reasons with colons', () => {
    expect(parseStealEntry(formatStealEntry(entry), 7)).toEqual({ ...entry, line: 7 });
    const odd = { ...entry, path: 'docs/My Notes.md', by: 'Claude Code', reason: 'note: stale lock from: last week' };
    const line = formatStealEntry(odd);
    expect(line).toBe(
      '- 2026-11-26T09:05Z `Claude Code` steal `docs/My Notes.md` from backend-architect: note: stale lock from: last week',
    );
    expect(parseStealEntry(line, 1)).toEqual({ ...odd, line: 1 });
  });

  it('reads steals only from the Log section, outside code blocks', () => {
    const doc = [
      '## Locks',
      '',
      formatStealEntry({ ...entry, path: 'not/in/log' }),
      '',
      '## Log',
      '',
      '- 2026-11-26T09:00Z backend-architect T-12: M api/openapi.yaml',
      formatStealEntry(entry),
      '```',
      formatStealEntry({ ...entry, path: 'in/a/fence' }),
      '```',
      '',
    ].join('\r\n');
    expect(readSteals(doc)).toEqual([{ ...entry, line: 8 }]);
    expect(readStatus(doc).steals).toEqual([]);
    expect(readStatus(doc, { steals: true }).steals).toEqual([{ ...entry, line: 8 }]);
  });
});
