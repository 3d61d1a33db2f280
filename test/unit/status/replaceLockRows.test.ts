import { describe, expect, it } from 'vitest';
import { CANONICAL_STATUS } from '../../../src/status/canonicalStatus.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { replaceLockRows } from '../../../src/status/replaceLockRows.js';
import type { Lock } from '../../../src/types.js';

const lock = (path: string, agent: string, extra: Partial<Lock> = {}): Lock => ({
  path,
  agent,
  since: '2026-11-26T09:00Z',
  line: 0,
  ...extra,
});

const local = `# Work Status

Some prose the team wrote.

## Locks

| Path | Agent | Task | Since | Expires | Note |
| --- | --- | --- | --- | --- | --- |
| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | - |
| web/app.ts | frontend | T-3 | 2026-11-26T09:00Z | - | - |

## Reviews

| Path | Requested by | Reviewer | State | At |
| --- | --- | --- | --- | --- |
| services/a/Dockerfile | backend-architect | docker-expert | requested | 2026-11-26T10:00Z |

## Log

- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml
`;

describe('replaceLockRows', () => {
  it('makes the local lock rows exactly the shared ones and leaves prose, Reviews and Log byte for byte', () => {
    const shared = [
      lock('api/openapi.yaml', 'backend-architect', { task: 'T-12' }),
      lock('db/schema.sql', 'database-architect', { task: 'T-7', note: 'v2' }),
    ];
    const out = replaceLockRows(local, shared);
    expect(readStatus(out).locks.map((l) => [l.path, l.agent, l.task, l.note])).toEqual([
      ['api/openapi.yaml', 'backend-architect', 'T-12', undefined],
      ['db/schema.sql', 'database-architect', 'T-7', 'v2'],
    ]);
    // the row both have stays in place; the released one is gone
    expect(out).toContain(
      '| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | - |\n| db/schema.sql |',
    );
    expect(out).not.toContain('web/app.ts');
    const tail = (t: string) => t.slice(t.indexOf('## Reviews'));
    expect(tail(out)).toBe(tail(local));
    expect(out.slice(0, out.indexOf('## Locks'))).toBe(local.slice(0, local.indexOf('## Locks')));
  });

  it('changes nothing when the tables already agree', () => {
    const shared = readStatus(local).locks;
    expect(replaceLockRows(local, shared)).toBe(local);
  });

  it('replaces a row whose details differ (a lock taken again later) rather than keeping the old one', () => {
    const out = replaceLockRows(local, [
      lock('api/openapi.yaml', 'backend-architect', { task: 'T-12', since: '2026-11-26T11:00Z' }),
    ]);
    const locks = readStatus(out).locks;
    expect(locks).toHaveLength(1);
    expect(locks[0].since).toBe('2026-11-26T11:00Z');
  });

  it('keeps the rows `keep` picks (offline locks not published yet)', () => {
    const out = replaceLockRows(local, [], (l) => l.agent === 'frontend');
    expect(readStatus(out).locks.map((l) => l.path)).toEqual(['web/app.ts']);
  });

  it('builds the Locks table in a file that has none, and is idempotent', () => {
    const shared = [lock('src/x.ts', 'agent-1'), lock('src/y.ts', 'agent-2', { expires: '2026-11-26T17:00Z' })];
    const once = replaceLockRows(CANONICAL_STATUS, shared);
    expect(readStatus(once).locks.map((l) => l.path)).toEqual(['src/x.ts', 'src/y.ts']);
    expect(replaceLockRows(once, shared)).toBe(once);
    const empty = replaceLockRows(once, []);
    expect(readStatus(empty).locks).toEqual([]);
    expect(empty).toBe(CANONICAL_STATUS);
  });

  it('reads other forms of the local file and rewrites only their lock lines', () => {
    const bullets =
      '# Status\n\n## Active Locks\n\n- `src/a.ts` - Backend Architect - 2026-01-18 - T-1\n- `src/b.ts` - Frontend Dev - 2026-01-18 - T-2\n\n## Notes\n\nkeep me\n';
    const out = replaceLockRows(bullets, [readStatus(bullets).locks[1]]);
    expect(out).not.toContain('src/a.ts');
    expect(out).toContain('- `src/b.ts` - Frontend Dev - 2026-01-18 - T-2');
    expect(out).toContain('## Notes\n\nkeep me\n');
  });
});
