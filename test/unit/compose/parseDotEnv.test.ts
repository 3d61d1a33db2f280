import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../src/compose/interpolate.js';
import { parseDotEnv } from '../../../src/compose/parseDotEnv.js';

describe('parseDotEnv', () => {
  it('reads KEY=value lines, skips comments and blank lines, trims inline comments after unquoted values', () => {
    const env = parseDotEnv(
      ['# comment', '', 'A=1', 'export B = two ', 'C=has#hash', 'D=value   # note', 'EMPTY=', 'not a line'].join('\n'),
    );
    expect(env).toEqual({ A: '1', B: 'two', C: 'has#hash', D: 'value', EMPTY: '' });
  });

  it('keeps single-quoted values literal and unescapes double-quoted ones, across lines', () => {
    const env = parseDotEnv(`X=base\nS='$X # not a comment'\nD="a\\n$X \\"q\\""\nM="line1\nline2"\nW=\${X}/more`);
    expect(env.S).toBe('$X # not a comment');
    expect(env.D).toBe('a\nbase "q"');
    expect(env.M).toBe('line1\nline2');
    expect(env.W).toBe('base/more');
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    expect(parseDotEnv('\uFEFFA=1\r\nB=2\r\n')).toEqual({ A: '1', B: '2' });
  });
});

describe('interpolate', () => {
  const env = { SET: 'v', EMPTY: '' };
  it.each([
    ['${SET}', 'v', []],
    ['$SET/x', 'v/x', []],
    ['${MISSING}', '', ['MISSING']],
    ['$MISSING', '', ['MISSING']],
    ['${MISSING:-def}', 'def', []],
    ['${EMPTY:-def}', 'def', []],
    ['${EMPTY-def}', '', []],
    ['${MISSING-def}', 'def', []],
    ['${MISSING:-${SET}}', 'v', []],
    ['${MISSING:-${ALSO}}', '', ['ALSO']],
    ['${MISSING:?required}', '', ['MISSING']],
    ['${SET:+alt}', 'alt', []],
    ['${EMPTY:+alt}', '', []],
    ['${EMPTY+alt}', 'alt', []],
    ['$$SET', '$SET', []],
    ['cost: 5$', 'cost: 5$', []],
  ])('%s → %s', (text, value, unresolved) => {
    expect(interpolate(text, env)).toEqual({ value, unresolved });
  });
});
