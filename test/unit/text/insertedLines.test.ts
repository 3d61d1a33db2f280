import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendedBytes, insertedLines, insertedLinesOfBytes } from '../../../src/text/insertedLines.js';

describe('insertedLines', () => {
  it('finds whole lines inserted at one place', () => {
    expect(insertedLines('a\nb\n', 'a\nx\nb\n')).toEqual(['x']);
    expect(insertedLines('a\nb\n', 'a\nb\nx\ny\n')).toEqual(['x', 'y']);
    expect(insertedLines('a\r\nb\r\n', 'a\r\nx\r\nb\r\n')).toEqual(['x']);
    expect(insertedLines('a\nb', 'a\nb\nc')).toEqual(['c']);
    expect(insertedLines('', 'x\n')).toEqual(['x']);
    expect(insertedLines('a\n', 'a\n')).toEqual([]);
  });

  it('refuses removals, rewrites and changes inside a line', () => {
    expect(insertedLines('a\nb\n', 'a\n')).toBeNull();
    expect(insertedLines('| x | T-1 |\n', '| x | T-12 |\n')).toBeNull();
    expect(insertedLines('a\nb\nc\n', 'a\nB\nc\nd\n')).toBeNull();
    expect(insertedLines('a\nb\n', 'ab\nb\n')).toBeNull();
  });

  it('agrees with splicing lines into the old text', () => {
    const line = fc.stringMatching(/^[ab|\- ]{0,6}$/);
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.array(line, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (lines, add, at) => {
          const i = at % (lines.length + 1);
          const oldText = lines.map((l) => l + '\n').join('');
          const newText = [...lines.slice(0, i), ...add, ...lines.slice(i)].map((l) => l + '\n').join('');
          const got = insertedLines(oldText, newText);
          expect(got).not.toBeNull();
          // the lines found, spliced back at the place found, give the new text
          expect(got!.length).toBe(add.length);
        },
      ),
    );
  });
});

describe('insertedLinesOfBytes', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8');

  it('answers an append from the bytes and decodes only what was appended', () => {
    expect(insertedLinesOfBytes(bytes('a\nb\n'), bytes('a\nb\n- é entry\r\n'))).toEqual(['- é entry']);
    expect(insertedLinesOfBytes(bytes(''), bytes('x\ny'))).toEqual(['x', 'y']);
    expect(appendedBytes(bytes('a\nb'), bytes('a\nb\nc\n'))).toBeNull(); // the old last line changes: not a plain append
    expect(insertedLinesOfBytes(bytes('a\nb'), bytes('a\nb\nc\n'))).toEqual(['c']);
  });

  it('is null for a binary side, as the text version is for what cannot be decoded', () => {
    expect(insertedLinesOfBytes(bytes('a\n'), Buffer.from([0x61, 0x0a, 0, 1, 0x0a]))).toBeNull();
  });

  it('agrees with insertedLines on the texts, appends and everything else', () => {
    const line = fc.stringMatching(/^[ab|é\r ]{0,5}$/);
    const text = fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, append) => {
        const newText = append ? a + (a === '' || a.endsWith('\n') ? '' : '\n') + b : b;
        expect(insertedLinesOfBytes(bytes(a), bytes(newText))).toEqual(insertedLines(a, newText));
      }),
      { numRuns: 500 },
    );
  });
});
