// A range reads the status file at every commit without parsing copies that only append
// Log lines. Whatever the history does to the file — appends, a lock row inserted above
// the Log, a section after the Log, a file without its final newline, a deletion, a merge —
// the table it gives for every revision must be exactly what parsing that revision's copy
// gives.
import { afterAll, describe, expect, it } from 'vitest';
import { readStatusHead } from '../../src/status/readStatusHead.js';
import { statusHistory } from '../../src/range/statusHistory.js';
import { createBlobReader } from '../../src/git/blobReader.js';
import { rangeLogQuery } from '../../src/git/rangeLogQuery.js';
import { ask } from '../../src/git/runGit.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const HEAD_PART = `# Work status

## Locks

| Path | Agent | Task | Since | Expires | Note |
| --- | --- | --- | --- | --- | --- |
| src/api/ | backend-architect | T-1 | 2026-11-20 09:00 | | |

## Reviews

| Path | Reviewer | Status | Requested by | Blob | Note |
| --- | --- | --- | --- | --- | --- |

## Log

`;
const entry = (n: number) =>
  `- 2026-11-20 10:${String(n).padStart(2, '0')} frontend-developer T-2: M src/web/p${n}.ts\n`;

describe('the status file along a range', () => {
  it('gives every revision the table its own copy has, parsing only copies that change it', async () => {
    const repo = tempRepo({ init: false });
    const file = 'WORK_STATUS.md';
    let text = HEAD_PART + entry(0);
    const step = (message: string, next: string | null) => {
      if (next === null) repo.ok(['rm', '-q', file]);
      else {
        repo.write(file, next);
        repo.ok(['add', file]);
      }
      repo.ok(['commit', '-q', '--allow-empty', '-m', message]);
      return repo.ok(['rev-parse', 'HEAD']).trim();
    };
    const base = step('base', text);
    const appends: Record<string, string> = {};
    const append = (n: number) => {
      text += entry(n);
      appends[step(`log ${n}`, text)] = entry(n).trimEnd();
    };
    append(1);
    append(2);
    // the file copied elsewhere (git lists the copy with this file as its source) while
    // it gains an entry: still here, and still an append
    repo.write('STATUS-COPY.md', text);
    repo.ok(['add', 'STATUS-COPY.md']);
    append(20);
    // a lock row inserted above the Log, with a Log entry: the table changes
    text = text.replace(
      '| src/api/ | backend-architect',
      '| src/web/ | frontend-developer | T-2 | 2026-11-20 10:03 | | |\n| src/api/ | backend-architect',
    );
    text += entry(3);
    step('lock src/web/', text);
    append(4);
    repo.write('other.txt', 'not the status file\n');
    repo.ok(['add', 'other.txt']);
    step('leaves the status file alone', text);
    // a section after the Log: appended lines are no longer Log lines
    text += '\n## Locks\n\n| Path | Agent |\n| --- | --- |\n';
    step('a second lock table after the Log', text);
    text += '| docs/ | backend-architect |\n';
    step('a row in it', text);
    text = text.slice(0, text.indexOf('\n## Locks\n\n| Path | Agent |'));
    step('the second table removed again (no final newline)', text);
    text += '\n' + entry(5);
    step('an entry after a last line without its newline', text);
    append(6);
    step('status file deleted', null);
    text = HEAD_PART + entry(7);
    step('status file back', text);
    // two branches append the same entry; the side branch also takes a lock; merged back
    const before = text;
    repo.ok(['checkout', '-q', '-b', 'side']);
    append(8);
    text = text.replace(
      '| src/api/ | backend-architect',
      '| docs/ | backend-architect | T-3 | 2026-11-20 11:00 | | |\n| src/api/ | backend-architect',
    );
    step('lock docs/ on the side branch', text);
    const sideText = text;
    repo.ok(['checkout', '-q', 'main']);
    text = before;
    append(8);
    repo.write('more.txt', 'main moves on\n');
    repo.ok(['add', 'more.txt']);
    step('main moves on', text);
    repo.ok(['merge', '-q', '--no-edit', 'side']);
    const head = repo.ok(['rev-parse', 'HEAD']).trim();
    // the merge took the side branch's copy: not among what --cc says it changed
    expect(repo.read(file)).toBe(sideText);

    const git = { cwd: repo.dir, env: 'clean' as const };
    const commits = await ask(rangeLogQuery([`${base}..${head}`]), git);
    const copied = commits.find((c) => c.info.subject === 'log 20')!;
    expect(copied.files).toContainEqual(
      expect.objectContaining({ status: 'C', path: 'STATUS-COPY.md', oldPath: file }),
    );
    // read blob by blob, and as chains (every run of versions, however short, one chain)
    for (const chains of [undefined, { git, min: 1 }]) {
      const insertions = commits.map(() => new Map<string, Promise<string[] | null>>());
      const history = statusHistory(
        createBlobReader(git),
        file,
        commits.map((c, i) => ({
          sha: c.info.sha,
          parents: c.info.parents,
          files: c.files,
          insertions: insertions[i],
        })),
        chains,
      );
      const how = chains ? 'as chains' : 'blob by blob';

      const revs = [base, head, ...commits.flatMap((c) => [c.info.sha, ...c.info.parents])];
      for (const rev of revs) {
        const shown = repo.git(['show', `${rev}:${file}`]);
        const expected =
          shown.code === 0 ? readStatusHead(shown.stdout, file) : { locks: [], reviews: [], problems: [], steals: [] };
        expect(
          await history.at(rev),
          `${how}: the table at ${repo.ok(['log', '-1', '--format=%s', rev]).trim()}`,
        ).toEqual(expected);
      }
      expect((await history.at(head)).locks.map((l) => l.path)).toEqual(['docs/', 'src/api/']);
      const locked = commits.find((c) => c.info.subject === 'lock src/web/')!;
      expect((await history.at(locked.info.sha)).locks.map((l) => l.path)).toEqual(['src/web/', 'src/api/']);
      expect((await history.at(locked.info.parents[0])).locks.map((l) => l.path)).toEqual(['src/api/']);

      // the appended lines learnt on the way are left for the status rules
      for (const [i, c] of commits.entries()) {
        const known = insertions[i].get(file);
        if (appends[c.info.sha]) expect(await known, `${how}: ${c.info.subject}`).toEqual([appends[c.info.sha]]);
        if (c.info.subject === 'lock src/web/') expect(known).toBeUndefined();
      }
    }
  });
});
