import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addedLines } from '../../../src/text/addedLines.js';
import { expectFasterThan } from '../../helpers/timing.js';

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`) =>
  Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

function isSubsequence(sub: string[], of: string[]): boolean {
  let i = 0;
  for (const x of of) if (i < sub.length && sub[i] === x) i++;
  return i === sub.length;
}

describe('addedLines', () => {
  it('reports every line of a new file (no old side)', () => {
    expect(addedLines(null, 'a\nb\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
    expect(addedLines('', 'a')).toEqual([{ line: 1, text: 'a' }]);
  });

  it('reports nothing for a deleted or emptied file', () => {
    expect(addedLines('a\nb\n', null)).toEqual([]);
    expect(addedLines('a\nb\n', '')).toEqual([]);
  });

  it('reports a line inserted in the middle with its new-side number', () => {
    expect(addedLines('a\nb\nc\n', 'a\nb\n-- TODO: fill later\nc\n')).toEqual([
      { line: 3, text: '-- TODO: fill later' },
    ]);
  });

  it('reports a changed line as added, and not the unchanged ones around it', () => {
    expect(addedLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual([{ line: 2, text: 'B' }]);
  });

  it('does not report lines that were already there, including an old TODO', () => {
    const old = 'create table t (\n  id int -- TODO: index\n);\n';
    const now = 'create table t (\n  id int -- TODO: index\n  , name text\n);\n';
    expect(addedLines(old, now)).toEqual([{ line: 3, text: '  , name text' }]);
  });

  it('reports one copy when an existing line is duplicated', () => {
    const added = addedLines('x\ny\nz\n', 'x\ny\ny\nz\n');
    expect(added).toHaveLength(1);
    expect(added[0].text).toBe('y');
  });

  it('ignores a change of line endings and a missing final newline', () => {
    expect(addedLines('a\nb\nc\n', 'a\r\nb\r\nc\r\n')).toEqual([]);
    expect(addedLines('a\nb\nc\n', 'a\nb\nc')).toEqual([]);
    expect(addedLines('a\n', 'a\r\nb\r\n')).toEqual([{ line: 2, text: 'b' }]);
  });

  it('treats a re-indented line as added unless whitespace is ignored', () => {
    const old = 'a\n  TODO keep\nb\n';
    const now = 'a\n    TODO keep\nb\n';
    expect(addedLines(old, now)).toEqual([{ line: 2, text: '    TODO keep' }]);
    expect(addedLines(old, now, { ignoreWhitespace: true })).toEqual([]);
  });

  it('is fast for an append to a 10,000-line file', () => {
    const old = lines(10_000);
    const now = old + 'appended 1\nappended 2\n';
    const t0 = performance.now();
    const added = addedLines(old, now);
    const ms = performance.now() - t0;
    expect(added).toEqual([
      { line: 10_001, text: 'appended 1' },
      { line: 10_002, text: 'appended 2' },
    ]);
    expectFasterThan(ms, 200);
  });

  it('is fast for scattered edits in a 10,000-line file', () => {
    const old = lines(10_000);
    const now = lines(10_000, (i) => (i % 500 === 0 ? `edited ${i}` : `line ${i}`));
    const t0 = performance.now();
    const added = addedLines(old, now);
    expectFasterThan(performance.now() - t0, 500);
    expect(added.map((a) => a.line)).toEqual(Array.from({ length: 20 }, (_, k) => k * 500 + 1));
  });

  it('falls back gracefully when two large files share nothing', () => {
    const old = lines(20_000, (i) => `old ${i}`);
    const now = lines(20_000, (i) => `new ${i}`) + 'old 5\n';
    const t0 = performance.now();
    const added = addedLines(old, now);
    expectFasterThan(performance.now() - t0, 1500);
    // every new line is reported except the one that was already there
    expect(added).toHaveLength(20_000);
    expect(added.some((a) => a.text === 'old 5')).toBe(false);
  });

  it('matches a shortest edit script on random inputs', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '', 'TODO');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
        const added = addedLines(a.length ? a.join('\n') + '\n' : '', b.length ? b.join('\n') + '\n' : '');
        // as few added lines as any diff can give
        expect(added.length).toBe(b.length - lcsLength(a, b));
        // line numbers point at the reported text, in order
        for (const { line, text } of added) expect(b[line - 1]).toBe(text);
        expect(added.map((x) => x.line)).toEqual([...added.map((x) => x.line)].sort((p, q) => p - q));
        // what is left of the new side was all there before, in order
        const addedSet = new Set(added.map((x) => x.line));
        expect(
          isSubsequence(
            b.filter((_, i) => !addedSet.has(i + 1)),
            a,
          ),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('past the edit budget, reports every line without an unused old copy', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const added = addedLines(a.join('\n'), b.join('\n'), { maxEdits: 2 });
        // lines not reported are covered by unused copies on the old side
        const pool = new Map<string, number>();
        for (const x of a) pool.set(x, (pool.get(x) ?? 0) + 1);
        const addedSet = new Set(added.map((x) => x.line));
        b.forEach((x, i) => {
          if (addedSet.has(i + 1)) return;
          const c = pool.get(x) ?? 0;
          expect(c).toBeGreaterThan(0);
          pool.set(x, c - 1);
        });
        // a line whose text never occurred before is always reported
        b.forEach((x, i) => {
          if (!a.includes(x)) expect(addedSet.has(i + 1)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
