// Write only what reads back: every row orch writes (locks, reviews, steal and done entries in
// the Log) is read back as exactly what was written — or the write is refused before anything
// changes. Paths are generated with the characters that broke the round trip before:
// unicode, spaces, backticks, backslashes, `|`, `<`, `*`, `[`, emphasis, and words that mean
// "nothing" (none, -, n/a).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDoneEntry, parseDoneEntry } from '../../../src/status/doneEntry.js';
import { isOrchError } from '../../../src/errors.js';
import { buildLockIndex } from '../../../src/locks/lockIndex.js';
import { addLock } from '../../../src/status/addLock.js';
import { addReview } from '../../../src/status/addReview.js';
import { formatStealEntry } from '../../../src/status/formatStealEntry.js';
import { parseStealEntry } from '../../../src/status/parseStealEntry.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { readSteals } from '../../../src/status/readSteals.js';
import { CHARS, lockablePath } from '../../helpers/pathArbitraries.js';

const CANONICAL =
  '# Work Status\n\n## Locks\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | v2 |\n\n## Reviews\n\n| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n\n## Log\n\n- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml\n';
const BACKTICKED =
  '# Board\n\n## 🔒 Active Locks\n\n| File | Status | Locked By | Since |\n|---|---|---|---|\n| `web/app.tsx` | 🔒 Locked | frontend-dev | 2026-11-26 |\n';
const EMPTY = '# Notes\n\nNothing here yet.\n';
const docs = fc.constantFrom(CANONICAL, BACKTICKED, EMPTY);

function refused(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (!isOrchError(error)) throw error;
    expect(error.exitCode).toBe(2);
    return true;
  }
}

describe('what orch writes reads back as written', () => {
  it('a lock on any path reads back as exactly that path and holder, binds that path, and leaves the other locks — or is refused', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(docs, lockablePath, fc.constantFrom('prop-holder', 'Agent_7', 'qa.bot'), (doc, path, agent) => {
        total++;
        const lock = { path, agent, task: 'T-9', since: '2026-11-26T10:00Z', note: 'generated' };
        let out = '';
        if (refused(() => (out = addLock(doc, lock)))) return;
        accepted++;
        const before = readStatus(doc).locks;
        const after = readStatus(out).locks;
        const mine = after.filter((l) => l.agent === agent);
        expect(mine.map((l) => l.path)).toEqual([path]);
        expect(after.filter((l) => l.agent !== agent).map((l) => [l.path, l.agent])).toEqual(
          before.map((l) => [l.path, l.agent]),
        );
        // it binds the path it names: a change of that very path is covered by the lock
        // (a path with glob characters that exists as written is that path: the file is there)
        const index = buildLockIndex(mine, {
          ignoreCase: false,
          existsLiterally: (p) => p === path.replace(/\/$/, ''),
        });
        expect(index.match(path.replace(/\/$/, '') + (path.endsWith('/') ? '/x' : '')).length).toBe(1);
      }),
      { numRuns: 800 },
    );
    // The property is about accepted writes: most generated paths must be accepted.
    expect(accepted / total).toBeGreaterThan(0.8);
  });

  it('the paths that broke the round trip before read back exactly', () => {
    for (const path of [
      '**',
      'src/a`b`c.js',
      'src/<!--.js',
      '[',
      '-',
      'none',
      'n/a',
      'src/**bold**.md',
      'src/p|pe.ts',
      'src/<br>x.ts',
      'src/a, b.ts',
    ]) {
      const out = addLock(CANONICAL, { path, agent: 'lock-holder', since: '2026-11-26T10:00Z' });
      expect(
        readStatus(out)
          .locks.filter((l) => l.agent === 'lock-holder')
          .map((l) => l.path),
        path,
      ).toEqual([path]);
    }
  });

  it('a review row reads back as the review that was written, or is refused', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        lockablePath.filter((p) => !p.endsWith('/')),
        fc.constantFrom('requested', 'approved') as fc.Arbitrary<'requested' | 'approved'>,
        (path, state) => {
          const review = {
            path,
            requestedBy: 'backend-architect',
            reviewer: 'docker-expert',
            state,
            at: '2026-11-26T10:00Z',
          };
          let out = '';
          if (refused(() => (out = addReview(CANONICAL, review)))) return;
          accepted++;
          const read = readStatus(out).reviews;
          expect(read).toHaveLength(1);
          expect(read[0]).toMatchObject({ path, requestedBy: 'backend-architect', reviewer: 'docker-expert', state });
        },
      ),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(480);
  });

  it('a steal entry in the Log reads back with exactly its path, holders and reason', () => {
    const reason = fc
      .array(fc.constantFrom('a', 'b', ' ', ':', '`', '|', 'é', 'steal', 'from'), { maxLength: 12 })
      .map((c) => c.join('').trim());
    fc.assert(
      fc.property(lockablePath, reason, (path, why) => {
        const entry = {
          at: '2026-11-26T09:05Z',
          by: 'frontend-dev',
          path,
          from: 'backend-architect',
          reason: why || 'stale',
        };
        const line = formatStealEntry(entry);
        expect(line).not.toMatch(/[\r\n]/);
        expect(parseStealEntry(line, 3)).toEqual({ ...entry, line: 3 });
        const doc = `${CANONICAL}${line}\n`;
        expect(readSteals(doc).map((s) => s.path)).toEqual([path]);
      }),
      { numRuns: 1000 },
    );
  });

  it('a done entry in the Log reads back with exactly its task and released paths', () => {
    const task = fc.oneof(
      fc.constantFrom('T-12', 'PAY-3', 'my task', 'a:b', 'x:'),
      fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((c) => c.join('')),
    );
    fc.assert(
      fc.property(
        task.filter((t) => t.trim() === t && t !== ''),
        fc.array(lockablePath, { maxLength: 3 }),
        (t, paths) => {
          const line = formatDoneEntry({ at: '2026-11-26T09:05Z', agent: 'backend-architect', task: t, paths });
          expect(parseDoneEntry(line)).toEqual({ agent: 'backend-architect', task: t, paths });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
