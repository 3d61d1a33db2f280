import { describe, expect, it } from 'vitest';
import { parseRangeLog } from '../../../src/git/parseRangeLog.js';
import { rangeLogQuery } from '../../../src/git/rangeLogQuery.js';

// Literal output of rangeLogQuery's git log (git 2.39) over: a root commit with a file
// whose name holds a newline, a commit adding a file and a submodule, a rename on a side
// branch with trailers, and the clean merge of that branch.
const HISTORY =
  "60dffe70917216ece090385b06df8e317ea03f75\u0000\u0000Dev Person\u0000dev@example.test\u0000Root commit\n\u0000\u0000\n:000000 100644 0000000000000000000000000000000000000000 78981922613b2afb6025042ff6bd878ac1994e85 A\u0000a.txt\u0000:000000 100644 0000000000000000000000000000000000000000 994e126d270f6ab080f20051254741652e2bc726 A\u0000we ird\nname.txt\u0000b82a1164778ec73aa3bfdfd6e5df4ce4a7527574\u000060dffe70917216ece090385b06df8e317ea03f75\u0000Dev Person\u0000dev@example.test\u0000Main adds c and a submodule\n\u0000\u0000\n:000000 100644 0000000000000000000000000000000000000000 f2ad6c76f0115a6ba5b00456a849810e7ec0af20 A\u0000c.txt\u0000:000000 160000 0000000000000000000000000000000000000000 1111111111111111111111111111111111111111 A\u0000vendor/lib\u00007d7b38d59e1cfa4b52762e6c17d6adecc1420046\u000060dffe70917216ece090385b06df8e317ea03f75\u0000Dev Person\u0000dev@example.test\u0000Rename on side\n\nAgent: backend-architect\nOrch-Skip: lock-conflict\n\u0000\u0000\n:100644 100644 78981922613b2afb6025042ff6bd878ac1994e85 78981922613b2afb6025042ff6bd878ac1994e85 R100\u0000a.txt\u0000b.txt\u000077283fc89b6b5f49553523c055cc0bb95a8c6356\u0000b82a1164778ec73aa3bfdfd6e5df4ce4a7527574 7d7b38d59e1cfa4b52762e6c17d6adecc1420046\u0000Dev Person\u0000dev@example.test\u0000Merge branch 'side'\n\u0000\u0000\u0000";

// A merge that resolved a conflict in b.txt and added evil.txt (--cc --combined-all-paths).
const EVIL_MERGE =
  '18a0b67729bb70063489c2cc5137f8dc70971f60\u00000d1b6edc92ad72a67217d1fe2367553ad84d9dfa bf8e60b6765daef76602def6a640e26c2c0e257b\u0000Dev Person\u0000dev@example.test\u0000Merge side3, resolved\n\u0000\u0000\u0000::100644 100644 100644 ba2906d0666cf726c7eaadd2cd3db615dedfdf3a e4addc9f7b4eeb4c6e021c0f5fbc6ab2bd0a5d2d 2ab19ae607aabda796309682e0448237aab03047 MM\u0000b.txt\u0000b.txt\u0000b.txt\u0000::000000 000000 100644 0000000000000000000000000000000000000000 0000000000000000000000000000000000000000 3e757656cf36eca53338e520d134963a44f793f8 AA\u0000evil.txt\u0000evil.txt\u0000evil.txt\u0000';

describe('parseRangeLog', () => {
  const commits = parseRangeLog(HISTORY);

  it('reads every commit, oldest first, with sha, parents, author and subject', () => {
    expect(commits.map((c) => c.info.subject)).toEqual([
      'Root commit',
      'Main adds c and a submodule',
      'Rename on side',
      "Merge branch 'side'",
    ]);
    expect(commits[0].info).toMatchObject({
      sha: '60dffe70917216ece090385b06df8e317ea03f75',
      parents: [],
      authorName: 'Dev Person',
      authorEmail: 'dev@example.test',
    });
    expect(commits[3].info.parents).toEqual([
      'b82a1164778ec73aa3bfdfd6e5df4ce4a7527574',
      '7d7b38d59e1cfa4b52762e6c17d6adecc1420046',
    ]);
  });

  it("lists a root commit's files, keeping a newline inside a path", () => {
    expect(commits[0].files).toEqual([
      { status: 'A', path: 'a.txt', newBlob: '78981922613b2afb6025042ff6bd878ac1994e85' },
      { status: 'A', path: 'we ird\nname.txt', newBlob: '994e126d270f6ab080f20051254741652e2bc726' },
    ]);
  });

  it('marks submodule pointers and reads renames with both paths', () => {
    expect(commits[1].files).toEqual([
      { status: 'A', path: 'c.txt', newBlob: 'f2ad6c76f0115a6ba5b00456a849810e7ec0af20' },
      { status: 'A', path: 'vendor/lib', submodule: true, newBlob: '1111111111111111111111111111111111111111' },
    ]);
    const same = '78981922613b2afb6025042ff6bd878ac1994e85';
    expect(commits[2].files).toEqual([{ status: 'R', path: 'b.txt', oldPath: 'a.txt', oldBlob: same, newBlob: same }]);
  });

  it('keeps the full message and reads its trailers with lower-cased keys', () => {
    expect(commits[2].info.message).toBe('Rename on side\n\nAgent: backend-architect\nOrch-Skip: lock-conflict');
    expect(commits[2].info.trailers).toEqual({ agent: ['backend-architect'], 'orch-skip': ['lock-conflict'] });
    expect(commits[0].info.trailers).toEqual({});
  });

  it('gives a clean merge no files: it only carried what its parents changed', () => {
    expect(commits[3].files).toEqual([]);
  });

  it('gives a merge what it changed itself, seen from its first parent', () => {
    const [merge] = parseRangeLog(EVIL_MERGE);
    expect(merge.info.parents).toHaveLength(2);
    // the old side is the first parent's blob, the new side the merge's own
    expect(merge.files).toEqual([
      {
        status: 'M',
        path: 'b.txt',
        oldBlob: 'ba2906d0666cf726c7eaadd2cd3db615dedfdf3a',
        newBlob: '2ab19ae607aabda796309682e0448237aab03047',
      },
      { status: 'A', path: 'evil.txt', newBlob: '3e757656cf36eca53338e520d134963a44f793f8' },
    ]);
  });

  it("reads a rename inside a merge from the first parent's path", () => {
    const Z = '0'.repeat(40);
    const A = 'a'.repeat(40);
    const out = `${A}\0${A} ${A}\0N\0n@x\0Merge\n\0\0\0::100644 100644 100644 ${Z} ${Z} ${A} RM\0old.txt\0new.txt\0new.txt\0`;
    expect(parseRangeLog(out)[0].files).toEqual([{ status: 'R', path: 'new.txt', oldPath: 'old.txt', newBlob: A }]);
  });

  it('gives nothing for an empty range and refuses output it cannot align', () => {
    expect(parseRangeLog('')).toEqual([]);
    expect(() => parseRangeLog('not a commit\0')).toThrow(/could not read git log output/);
  });

  it("is asked with --cc (a merge's own changes), --root, -z and both rename and copy detection", () => {
    const { args } = rangeLogQuery(['a..b']);
    for (const flag of [
      '--cc',
      '--combined-all-paths',
      '--root',
      '-z',
      '-M',
      '-C',
      '--raw',
      '--reverse',
      '--no-abbrev',
    ])
      expect(args).toContain(flag);
    expect(args).not.toContain('-m');
    expect(args.slice(-2)).toEqual(['a..b', '--']);
  });
});
