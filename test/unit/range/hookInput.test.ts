import { describe, expect, it } from 'vitest';
import { parsePrePushInput, pushRanges } from '../../../src/range/parsePrePushInput.js';
import { parsePreReceiveInput, receiveRanges } from '../../../src/range/parsePreReceiveInput.js';

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('pre-push input', () => {
  it('reads one line per pushed ref', () => {
    expect(parsePrePushInput(`refs/heads/main ${A} refs/heads/main ${B}\n`)).toEqual([
      { localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B },
    ]);
    expect(parsePrePushInput('')).toEqual([]);
  });

  it("checks an update from the remote's commit, a new branch from what the remote lacks, and skips deletions", () => {
    const lines = parsePrePushInput(
      [
        `refs/heads/main ${A} refs/heads/main ${B}`,
        `refs/heads/topic ${C} refs/heads/topic ${Z}`,
        `(delete) ${Z} refs/heads/old ${B}`,
        '',
      ].join('\n'),
    );
    expect(pushRanges(lines, 'origin')).toEqual([
      { head: A, base: B, known: ['--remotes=origin'], branch: 'main', missingBase: 'new-branch' },
      { head: C, base: null, known: ['--remotes=origin'], branch: 'topic', missingBase: 'new-branch' },
    ]);
  });

  it('counts every remote-tracking ref when pushing to a URL', () => {
    const lines = parsePrePushInput(`HEAD ${A} refs/heads/x ${Z}\n`);
    expect(pushRanges(lines, 'https://example.test/repo.git')[0].known).toEqual(['--remotes']);
    expect(pushRanges(lines, '../other/repo')[0].known).toEqual(['--remotes']);
  });

  it('skips a ref the remote already has at that commit', () => {
    expect(pushRanges(parsePrePushInput(`refs/heads/main ${A} refs/heads/main ${A}\n`), 'origin')).toEqual([]);
  });

  it('rejects lines that are not what git writes, naming the line', () => {
    expect(() => parsePrePushInput(`refs/heads/main ${A}\n`)).toThrow(/line 1 of the input/);
    expect(() => parsePrePushInput(`x\nrefs/heads/main nothex refs/heads/main ${B}`)).toThrow(/line 1/);
  });
});

describe('pre-receive input', () => {
  it('reads old, new and ref; checks updates and new refs, skips deletions', () => {
    const lines = parsePreReceiveInput(
      `${B} ${A} refs/heads/main\n${Z} ${C} refs/heads/topic\n${B} ${Z} refs/heads/gone\n`,
    );
    expect(lines).toHaveLength(3);
    expect(receiveRanges(lines)).toEqual([
      { head: A, base: B, known: ['--all'], branch: 'main', missingBase: 'error' },
      { head: C, base: null, known: ['--all'], branch: 'topic', missingBase: 'error' },
    ]);
  });

  it('rejects malformed lines', () => {
    expect(() => parsePreReceiveInput('old new ref\n')).toThrow(/pre-receive: line 1/);
  });
});
