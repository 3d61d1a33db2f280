import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotePath, unquotePath } from '../../../src/status/quotePath.js';
import { addLock } from '../../../src/status/addLock.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { removeLocks } from '../../../src/status/removeLocks.js';
import { CANONICAL_STATUS } from '../../../src/status/canonicalStatus.js';

describe('paths a table cell cannot hold as written', () => {
  it('quotes like git and reads back', () => {
    expect(quotePath('odd/line\nbreak.txt')).toBe('"odd/line\\nbreak.txt"');
    expect(unquotePath('"odd/line\\nbreak.txt"')).toBe('odd/line\nbreak.txt');
    expect(unquotePath('"a\\\\b \\"q\\" \\001"')).toBe('a\\b "q" \u0001');
    expect(unquotePath('" keeps spaces "')).toBe(' keeps spaces ');
    // a Windows path in quotes is not C style: left to the plain reader
    expect(unquotePath(String.raw`"src\components\x.ts"`)).toBeNull();
  });

  it('round-trips any path through quote/unquote', () => {
    const chars = fc.constantFrom('a', '/', ' ', '\n', '\t', '"', '\\', ',', 'é', '\u0001', '\u007f', '中', '|');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30, unit: chars }), (p) => {
        expect(unquotePath(quotePath(p))).toBe(p);
      }),
    );
  });

  it.each(['odd/line\nbreak.txt', 'tab\there.md', ' leading.txt', 'say "hi", ok.txt', 'back\\slash,comma.txt'])(
    'a lock on %j is written, read and removed exactly',
    (path) => {
      const text = addLock(CANONICAL_STATUS, { path, agent: 'a', since: '2026-11-26T09:00Z' });
      expect(text.split('\n').length).toBe(CANONICAL_STATUS.split('\n').length + 1);
      expect(readStatus(text).locks.map((l) => l.path)).toEqual([path]);
      expect(removeLocks(text, (l) => l.path === path).text).toBe(CANONICAL_STATUS);
    },
  );
});
