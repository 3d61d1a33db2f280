import { describe, expect, it } from 'vitest';
import { conflictSides } from '../../../src/status/conflictSides.js';
import { readStatusHead } from '../../../src/status/readStatusHead.js';

const HEAD = [
  '# Status',
  '',
  '## Active Locks',
  '',
  '| Path | Agent | Task | Since | Expires | Note |',
  '| --- | --- | --- | --- | --- | --- |',
];
const A = '| a.js | agent-a | T-1 | 2026-11-26T09:00Z |  |  |';
const B = '| b.js | agent-b | T-2 | 2026-11-26T09:00Z |  |  |';
const C = '| c.js | agent-c | T-3 | 2026-11-26T09:00Z |  |  |';

describe('conflictSides', () => {
  it('splits a text into ours, base and theirs, keeping each line’s place in the file', () => {
    const text = ['x', '<<<<<<< HEAD', 'ours', '||||||| base', 'old', '=======', 'theirs', '>>>>>>> topic', 'y'].join(
      '\n',
    );
    const sides = conflictSides(text)!;
    expect(sides.markers).toEqual([2]);
    expect(sides.sides.map((s) => s.text)).toEqual(['x\nours\ny', 'x\nold\ny', 'x\ntheirs\ny']);
    expect(sides.sides[2].lines).toEqual([1, 7, 9]);
  });

  it('is null without markers; a setext "=======" alone is not one', () => {
    expect(conflictSides('Title\n=======\ntext\n')).toBeNull();
    expect(conflictSides('no markers')).toBeNull();
  });
});

describe('a status file with conflict markers', () => {
  it('binds the locks of every side, at their lines in the file, with a problem at the marker', () => {
    const text = [...HEAD, C, '<<<<<<< HEAD', A, '=======', B, '>>>>>>> topic', ''].join('\n');
    const doc = readStatusHead(text, 'WORK_STATUS.md');
    expect(doc.locks.map((l) => `${l.path}@${l.line}`).sort()).toEqual(['a.js@9', 'b.js@11', 'c.js@7']);
    expect(doc.problems[0]).toMatchObject({
      line: 8,
      message: expect.stringContaining('the locks of both sides bind'),
    });
  });

  it('an unclosed conflict still reads every row', () => {
    const text = [...HEAD, '<<<<<<< HEAD', A, B, ''].join('\n');
    expect(readStatusHead(text, 'WORK_STATUS.md').locks.map((l) => l.path)).toEqual(['a.js', 'b.js']);
  });
});
