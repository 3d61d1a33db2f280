import { describe, expect, it } from 'vitest';
import { addLock } from '../../../src/status/addLock.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { removeLocks } from '../../../src/status/removeLocks.js';

const lock = {
  path: 'web/src/app/page.tsx',
  agent: 'frontend-dev',
  task: 'T-20',
  since: '2026-11-26T10:00Z',
  expires: '2026-11-26T18:00Z',
  note: 'landing',
};
const CANONICAL = [
  '# Work Status',
  '',
  '## Locks',
  '',
  '| Path | Agent | Task | Since | Expires | Note |',
  '| --- | --- | --- | --- | --- | --- |',
  '| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | 2026-11-26T17:00Z | v2 orders endpoints |',
  '',
  '## Reviews',
  '',
  '| Path | Requested by | Reviewer | State | At |',
  '| --- | --- | --- | --- | --- |',
  '',
  '## Log',
  '',
  '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml',
  '',
].join('\n');

describe('addLock', () => {
  it('inserts one canonical row after the last row of the lock table and changes nothing else', () => {
    const out = addLock(CANONICAL, lock);
    const expected = CANONICAL.replace(
      '| v2 orders endpoints |\n',
      '| v2 orders endpoints |\n| web/src/app/page.tsx | frontend-dev | T-20 | 2026-11-26T10:00Z | 2026-11-26T18:00Z | landing |\n',
    );
    expect(out).toBe(expected);
  });

  it('writes empty cells as "-" and the reader gives back exactly the lock', () => {
    const out = addLock(CANONICAL, { path: 'db/migrations/', agent: 'database-architect', since: '2026-11-26T11:00Z' });
    expect(out).toContain('| db/migrations/ | database-architect | - | 2026-11-26T11:00Z | - | - |\n');
    const added = readStatus(out).locks.find((l) => l.path === 'db/migrations/');
    expect(added).toEqual({ path: 'db/migrations/', agent: 'database-architect', since: '2026-11-26T11:00Z', line: 8 });
  });

  it('escapes | in cells and the reader unescapes it', () => {
    const out = addLock(CANONICAL, { ...lock, note: 'a | b', path: 'src/x|y.ts' });
    expect(out).toContain('| src/x\\|y.ts | frontend-dev | T-20 | 2026-11-26T10:00Z | 2026-11-26T18:00Z | a \\| b |');
    const added = readStatus(out).locks.find((l) => l.agent === 'frontend-dev');
    expect(added?.path).toBe('src/x|y.ts');
    expect(added?.note).toBe('a | b');
  });

  it("follows a non-canonical table's own column order, status column and backtick style", () => {
    const doc = [
      '## 🔒 Currently Locked',
      '',
      '| File | Status | Locked By | Locked At | Until | Waiting |',
      '|------|--------|-----------|-----------|-------|---------|',
      '| `src/api/orders.ts` | 🔒 Locked | Codex | 2025-11-08 12:00 | 2025-11-08 14:00 | - |',
      '',
      'Ask before stealing.',
      '',
    ].join('\n');
    const out = addLock(doc, lock);
    expect(out.split('\n')[5]).toBe(
      '| `web/src/app/page.tsx` | 🔒 Locked | frontend-dev | 2026-11-26T10:00Z | 2026-11-26T18:00Z | - |',
    );
    expect(out.split('\n').slice(6).join('\n')).toBe('\nAsk before stealing.\n');
    expect(readStatus(out).locks.map((l) => l.path)).toEqual(['src/api/orders.ts', 'web/src/app/page.tsx']);
  });

  it('skips tables under released headings and writes into the first active one', () => {
    const doc = [
      '## Recently Released',
      '',
      '| Path | Agent |',
      '| --- | --- |',
      '| old/ | someone |',
      '',
      '## Locks',
      '',
      '| Path | Agent |',
      '| --- | --- |',
      '',
    ].join('\n');
    const out = addLock(doc, { path: 'new/', agent: 'me', since: '2026-01-01T00:00Z' });
    expect(out).toBe(doc + '| new/ | me |\n');
  });

  it('creates the canonical Locks section before Reviews when there is no lock table', () => {
    const doc =
      '# Work Status\n\nIntro.\n\n## Reviews\n\n| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n';
    const out = addLock(doc, lock);
    expect(out).toBe(
      '# Work Status\n\nIntro.\n\n## Locks\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n' +
        '| web/src/app/page.tsx | frontend-dev | T-20 | 2026-11-26T10:00Z | 2026-11-26T18:00Z | landing |\n\n' +
        '## Reviews\n\n| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n',
    );
  });

  it('creates it before Log when there is no Reviews section, and at the end when there is neither', () => {
    const withLog = addLock('# S\n\n## Log\n\n- x\n', lock);
    expect(withLog.indexOf('## Locks')).toBeLessThan(withLog.indexOf('## Log'));
    expect(withLog.endsWith('## Log\n\n- x\n')).toBe(true);
    const bare = addLock('# S\n\nNothing yet.\n', lock);
    expect(bare).toBe(
      '# S\n\nNothing yet.\n\n## Locks\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n| web/src/app/page.tsx | frontend-dev | T-20 | 2026-11-26T10:00Z | 2026-11-26T18:00Z | landing |\n',
    );
    expect(readStatus(addLock('', lock)).locks).toHaveLength(1);
  });

  it('puts the table into an existing lock section that holds nothing yet', () => {
    const doc = '# S\n\n## Current Active Locks\n\n*No active locks*\n\n## Log\n';
    const out = addLock(doc, lock);
    expect(out).toBe(
      '# S\n\n## Current Active Locks\n\n*No active locks*\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n' +
        '| web/src/app/page.tsx | frontend-dev | T-20 | 2026-11-26T10:00Z | 2026-11-26T18:00Z | landing |\n\n## Log\n',
    );
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const crlf = CANONICAL.replace(/\n/g, '\r\n').trimEnd();
    const out = addLock(crlf, lock);
    expect(out.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(out.endsWith('T-12: M api/openapi.yaml')).toBe(true);
    const lastIsRow = '## Locks\r\n\r\n| Path | Agent |\r\n| --- | --- |\r\n| a/ | b |';
    expect(addLock(lastIsRow, { path: 'c/', agent: 'd', since: 's' })).toBe(lastIsRow + '\r\n| c/ | d |');
  });

  it('quotes a path holding a list separator so it reads back as one path', () => {
    const out = addLock(CANONICAL, { path: 'docs/a, b.md', agent: 'w', since: 's' });
    expect(
      readStatus(out)
        .locks.filter((l) => l.agent === 'w')
        .map((l) => l.path),
    ).toEqual(['docs/a, b.md']);
  });
});

describe('addLock into an empty lock section that leaves a comment open at the end', () => {
  it('closes the comment first, so the new lock is read', () => {
    // found by fuzzing: "## Locks\n$<!--\n"
    const text = '## Locks\n$<!--\n';
    const added = addLock(text, { path: 'a.ts', agent: 'x', since: '2026-11-26T09:00Z' });
    expect(readStatus(added).locks.map((l) => l.path)).toEqual(['a.ts']);
    expect(readStatus(removeLocks(added, () => true).text).locks).toEqual([]);
  });
});

describe('addLock into an empty lock section that ends inside an unclosed fence', () => {
  it('closes the fence and puts the table after it', () => {
    // found by fuzzing: "## Locks\n~~~\n"
    const added = addLock('## Locks\n~~~\n', { path: 'a.ts', agent: 'x', since: '2026-11-26T09:00Z' });
    expect(readStatus(added).locks.map((l) => l.path)).toEqual(['a.ts']);
  });
});

describe('addLock after a row that opens an HTML comment', () => {
  const lock = { path: 'fuzz/new-lock.ts', agent: 'fuzzer', task: 'F-1', since: '2026-11-26T09:00Z' };
  const table =
    '## Locks\n\n| Path | Agent | Since |\n| --- | --- | --- |\n| api/ | backend | 2025-11-08<!--\n 12:00 |\n';

  it('writes the row where it is read, whether the comment never closes (a fuzz counterexample) or closes later', () => {
    for (const text of [table + '\n## Log\n', table + ' -->\n\n## Log\n']) {
      const before = readStatus(text).locks.map((l) => l.path);
      const out = addLock(text, lock);
      expect(
        readStatus(out).locks.map((l) => l.path),
        JSON.stringify(text),
      ).toEqual(['fuzz/new-lock.ts', ...before]);
    }
  });
});
