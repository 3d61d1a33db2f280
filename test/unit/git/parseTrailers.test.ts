import { describe, expect, it } from 'vitest';
import { parseTrailers } from '../../../src/git/parseTrailers.js';

// Each expectation is what `git interpret-trailers --parse` (git 2.39) prints for the
// message, with keys lower-cased.
describe('parseTrailers', () => {
  it('reads the last paragraph when every line is a trailer', () => {
    expect(parseTrailers('Subject\n\nBody text.\n\nAgent: backend\nTask: T-1\n')).toEqual({
      agent: ['backend'],
      task: ['T-1'],
    });
  });

  it('never reads the subject as trailers', () => {
    expect(parseTrailers('Agent: x')).toEqual({});
    expect(parseTrailers('Agent: x\n\nAgent: y')).toEqual({ agent: ['y'] });
  });

  it('ignores a last paragraph that mixes prose and trailers without a git-generated one', () => {
    expect(parseTrailers('Subject\n\nnot a: trailer because prose\nAgent: z\n')).toEqual({});
    expect(parseTrailers('Subject\n\nBody\nAgent: x\n')).toEqual({});
  });

  it('accepts a quarter of trailers when one is git-generated (Signed-off-by)', () => {
    expect(parseTrailers('Subject\n\nSome prose\nmore prose\nmore\nSigned-off-by: A <a@b>\nAgent: y\n')).toEqual({
      'signed-off-by': ['A <a@b>'],
      agent: ['y'],
    });
    expect(parseTrailers('Subject\n\nSome prose\nmore prose\nmore\nmore2\nmore3\nSigned-off-by: A <a@b>\n')).toEqual(
      {},
    );
  });

  it('unfolds continuation lines and keeps repeated keys in order', () => {
    expect(parseTrailers('Subject\n\nAgent: long\n  continued here\n   and here\nAgent: second\n')).toEqual({
      agent: ['long continued here and here', 'second'],
    });
  });

  it('lower-cases keys, allows a space before the colon, skips comments and trailing blank lines, reads CRLF', () => {
    expect(parseTrailers('Subject\n\nKey : spaced\nOrch-Skip: lock-conflict,contract-owner\n\n\n')).toEqual({
      key: ['spaced'],
      'orch-skip': ['lock-conflict,contract-owner'],
    });
    expect(parseTrailers('Subject\n\nAgent: a\n# comment\nTask: b\n# trailing comment\n')).toEqual({
      agent: ['a'],
      task: ['b'],
    });
    expect(parseTrailers('Subject\r\n\r\nAgent: crlf\r\n')).toEqual({ agent: ['crlf'] });
  });

  it('does not take a key with spaces inside or a URL for a trailer', () => {
    expect(parseTrailers('Subject\n\nfoo bar: baz\nAgent: q\n')).toEqual({});
    expect(parseTrailers('Subject\n\nhttp://example.com: x\nAgent: q\n')).toEqual({
      http: ['//example.com: x'],
      agent: ['q'],
    });
  });
});
