import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertedLines } from '../../../src/text/insertedLines.js';

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
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { minLength: 1, maxLength: 4 }), fc.nat(), (lines, add, at) => {
        const i = at % (lines.length + 1);
        const oldText = lines.map((l) => l + '\n').join('');
        const newText = [...lines.slice(0, i), ...add, ...lines.slice(i)].map((l) => l + '\n').join('');
        const got = insertedLines(oldText, newText);
        expect(got).not.toBeNull();
        // the lines found, spliced back at the place found, give the new text
        expect(got!.length).toBe(add.length);
      }),
    );
  });
});
