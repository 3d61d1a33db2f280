import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addLock } from '../../../src/status/addLock.js';
import { addReview } from '../../../src/status/addReview.js';
import { appendLog } from '../../../src/status/appendLog.js';
import { CANONICAL_STATUS } from '../../../src/status/canonicalStatus.js';
import { mergeStatus, type MergeResult } from '../../../src/status/mergeStatus.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { removeLocks } from '../../../src/status/removeLocks.js';
import { fuzzRuns } from '../../helpers/timing.js';

// git's own line merge, as the driver uses it (a developer's merge.conflictStyle kept out).
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-merge-unit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let calls = 0;
function gitProse(base: string, ours: string, theirs: string): MergeResult {
  const dir = path.join(tmp, String(calls++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'b'), base);
  fs.writeFileSync(path.join(dir, 'o'), ours);
  fs.writeFileSync(path.join(dir, 't'), theirs);
  const r = spawnSync('git', ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', 'o', 'b', 't'], {
    cwd: dir,
    encoding: 'utf8',
    env: gitEnv,
  });
  if (r.status === null || r.status > 127) throw new Error(`git merge-file failed: ${r.stderr}`);
  return { text: r.stdout, conflicts: r.status };
}
const merge = (base: string, ours: string, theirs: string) => mergeStatus(base, ours, theirs, gitProse);

const lock = (
  p: string,
  agent: string,
  since = '2026-11-26T09:00Z',
  extra: { task?: string; expires?: string; note?: string } = {},
) => ({ path: p, agent, since, ...extra });
const locksOf = (text: string) => readStatus(text).locks.map((l) => `${l.path}@${l.agent}`);
const logOf = (text: string) => text.split(/\r?\n/).filter((l) => /^- \d{4}-/.test(l));
const unlock = (text: string, p: string) => removeLocks(text, (l) => l.path === p).text;

const BASE = appendLog(
  addLock(CANONICAL_STATUS, lock('api/openapi.yaml', 'backend-architect', '2026-11-26T08:00Z', { task: 'T-12' })),
  ['2026-11-26T08:00Z backend-architect T-12: M api/openapi.yaml'],
);

describe('mergeStatus: locks', () => {
  it('keeps locks and log entries both sides added, with no conflict', async () => {
    const ours = appendLog(addLock(BASE, lock('web/app.tsx', 'frontend-dev', '2026-11-26T09:05Z')), [
      '2026-11-26T09:05Z frontend-dev T-3: M web/app.tsx',
    ]);
    const theirs = appendLog(addLock(BASE, lock('db/schema.sql', 'dba', '2026-11-26T09:01Z')), [
      '2026-11-26T09:01Z dba T-4: A db/schema.sql',
    ]);
    const r = await merge(BASE, ours, theirs);
    expect(r.conflicts).toBe(0);
    expect(r.text).not.toContain('<<<<<<<');
    expect(locksOf(r.text)).toEqual([
      'api/openapi.yaml@backend-architect',
      'web/app.tsx@frontend-dev',
      'db/schema.sql@dba',
    ]);
    expect(logOf(r.text)).toEqual([
      '- 2026-11-26T08:00Z backend-architect T-12: M api/openapi.yaml',
      '- 2026-11-26T09:01Z dba T-4: A db/schema.sql',
      '- 2026-11-26T09:05Z frontend-dev T-3: M web/app.tsx',
    ]);
    // Everything but the rows and entries is the document as both sides had it.
    expect(r.text).toBe(
      appendLog(
        appendLog(
          addLock(
            addLock(BASE, lock('web/app.tsx', 'frontend-dev', '2026-11-26T09:05Z')),
            lock('db/schema.sql', 'dba', '2026-11-26T09:01Z'),
          ),
          ['2026-11-26T09:01Z dba T-4: A db/schema.sql'],
        ),
        ['2026-11-26T09:05Z frontend-dev T-3: M web/app.tsx'],
      ),
    );
  });

  it('a lock released on one side stays released, even when the other side added locks next to it', async () => {
    const ours = unlock(BASE, 'api/openapi.yaml');
    const theirs = addLock(BASE, lock('db/schema.sql', 'dba'));
    for (const [o, t] of [
      [ours, theirs],
      [theirs, ours],
    ]) {
      const r = await merge(BASE, o, t);
      expect(r.conflicts).toBe(0);
      expect(locksOf(r.text)).toEqual(['db/schema.sql@dba']);
    }
  });

  it('a release wins over the other side changing the same lock', async () => {
    const ours = unlock(BASE, 'api/openapi.yaml');
    const theirs = BASE.replace('| T-12 | 2026-11-26T08:00Z | - |', '| T-12 | 2026-11-26T08:00Z | 2026-11-27T08:00Z |');
    expect(theirs).not.toBe(BASE);
    expect(locksOf((await merge(BASE, ours, theirs)).text)).toEqual([]);
    expect(locksOf((await merge(BASE, theirs, ours)).text)).toEqual([]);
  });

  it('a lock both sides added is kept once', async () => {
    const both = addLock(BASE, lock('db/schema.sql', 'dba'));
    const ours = addLock(both, lock('web/a.ts', 'fe'));
    const theirs = addLock(both, lock('web/b.ts', 'fe'));
    const r = await merge(BASE, ours, theirs);
    expect(locksOf(r.text)).toEqual([
      'api/openapi.yaml@backend-architect',
      'db/schema.sql@dba',
      'web/a.ts@fe',
      'web/b.ts@fe',
    ]);
  });

  it('a lock changed on one side takes that side; changed on both, the later Since wins, then the later Expires, then ours', async () => {
    const row = (since: string, expires: string, note: string) =>
      `| api/openapi.yaml | backend-architect | T-12 | ${since} | ${expires} | ${note} |`;
    const base = BASE;
    const baseRow = row('2026-11-26T08:00Z', '-', '-');
    expect(base).toContain(baseRow);
    const withRow = (r: string) => base.replace(baseRow, r);
    const pick = async (o: string, t: string) => readStatus((await merge(base, withRow(o), withRow(t))).text).locks;

    let got = await pick(baseRow, row('2026-11-26T08:00Z', '-', 'v2 endpoints'));
    expect(got).toHaveLength(1);
    expect(got[0].note).toBe('v2 endpoints');

    got = await pick(row('2026-11-26T10:00Z', '-', 'ours'), row('2026-11-26T09:00Z', '-', 'theirs'));
    expect(got.map((l) => l.note)).toEqual(['ours']);
    got = await pick(row('2026-11-26T09:00Z', '-', 'ours'), row('2026-11-26T10:00Z', '-', 'theirs'));
    expect(got.map((l) => l.note)).toEqual(['theirs']);
    got = await pick(
      row('2026-11-26T09:00Z', '2026-11-26T12:00Z', 'ours'),
      row('2026-11-26T09:00Z', '2026-11-26T18:00Z', 'theirs'),
    );
    expect(got.map((l) => l.note)).toEqual(['theirs']);
    got = await pick(row('2026-11-26T09:00Z', '-', 'ours'), row('2026-11-26T09:00Z', '-', 'theirs'));
    expect(got.map((l) => l.note)).toEqual(['ours']);
  });

  it('a lock row that loses one of its paths on one side keeps the rest', async () => {
    const base = CANONICAL_STATUS.replace(
      '| --- | --- | --- | --- | --- | --- |\n',
      '| --- | --- | --- | --- | --- | --- |\n| a.ts, b.ts | x | - | - | - | - |\n',
    );
    expect(locksOf(base)).toEqual(['a.ts@x', 'b.ts@x']);
    const ours = removeLocks(base, (l) => l.path === 'a.ts').text;
    const theirs = addLock(base, lock('c.ts', 'y'));
    const r = await merge(base, ours, theirs);
    expect(r.conflicts).toBe(0);
    expect(locksOf(r.text)).toEqual(['b.ts@x', 'c.ts@y']);
  });

  it('merges tables with other column names and orders by (path, agent), status cells included', async () => {
    const doc = (rows: string[]) =>
      `# Status\n\n## 🔒 Currently Locked\n\n| Files Locked | Owner | Status | Started |\n|---|---|---|---|\n${rows.join('\n')}\n\n## Notes\n\nBe nice.\n`;
    const a = '| `src/api/` | claude | 🔒 Locked | 2025-11-08 12:00 |';
    const aDone = '| `src/api/` | claude | ✅ Complete | 2025-11-08 12:00 |';
    const b = '| web/ | gemini | 🔒 Locked | 2025-11-08 13:00 |';
    const c = '| docs/ | codex | 🔒 Locked | 2025-11-08 14:00 |';
    const r = await merge(doc([a]), doc([aDone, b]), doc([a, c]));
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(doc([aDone, b, c]));
    expect(locksOf(r.text)).toEqual(['web/@gemini', 'docs/@codex']);
  });

  it('puts a placeholder row that both sides replaced away once', async () => {
    const doc = (rows: string[]) => `## Locks\n\n| Path | Agent |\n| --- | --- |\n${rows.join('\n')}\n\n## Log\n`;
    const r = await merge(doc(['| - | - |']), doc(['| a.ts | x |']), doc(['| b.ts | y |']));
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(doc(['| a.ts | x |', '| b.ts | y |']));
  });

  it('keeps a lock theirs added to a table ours deleted, under the table header at the end', async () => {
    const base = '# S\n\nIntro.\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n| a.ts | x |\n';
    const ours = '# S\n\nIntro.\n';
    const theirs = base + '| b.ts | y |\n';
    const r = await merge(base, ours, theirs);
    expect(locksOf(r.text)).toEqual(['b.ts@y']);
    expect(r.text).toBe('# S\n\nIntro.\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n| b.ts | y |\n');
  });

  it('moves locks to a released section on both sides without a conflict', async () => {
    const doc = (active: string[], released: string[]) =>
      `## 🔒 Active Locks\n\n| File | Agent | Since |\n|---|---|---|\n${active.join('\n')}\n\n## Recently Released\n\n| File | Agent | Released |\n|---|---|---|\n${released.join('\n')}\n\n- earlier: \`old/\` by someone\n`;
    const a = '| a.ts | x | 2026-01-18 |';
    const b = '| b.ts | y | 2026-01-18 |';
    const c = '| c.ts | z | 2026-01-18 |';
    const ra = '| a.ts | x | 2026-01-19 |';
    const rb = '| b.ts | y | 2026-01-19 |';
    const r = await merge(doc([a, b, c], []), doc([b, c], [ra]), doc([a, c], [rb]));
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(doc([c], [ra, rb]));
    expect(locksOf(r.text)).toEqual(['c.ts@z']);
  });

  it('bullets and LOCK lines are prose: both sides adding one at the same place is a conflict git shows', async () => {
    const base = '## Locks\n\n- `a.ts` - x - 2026-01-18\n';
    const r = await merge(base, base + '- `b.ts` - y - 2026-01-19\n', base + '- `c.ts` - z - 2026-01-19\n');
    expect(r.conflicts).toBe(1);
    expect(r.text).toContain('<<<<<<< ours');
    expect(r.text).toContain('- `b.ts` - y - 2026-01-19');
    expect(r.text).toContain('- `c.ts` - z - 2026-01-19');
  });
});

describe('mergeStatus: reviews', () => {
  const review = (state: 'requested' | 'approved' | 'rejected', at: string) => ({
    path: 'Dockerfile',
    requestedBy: 'backend',
    reviewer: 'docker-expert',
    state,
    at,
  });
  const base = addReview(BASE, review('requested', '2026-11-26T09:00Z'));
  const states = (text: string) => readStatus(text).reviews.map((r) => `${r.state}@${r.at}`);
  const setState = (state: 'requested' | 'approved' | 'rejected', at: string) =>
    base.replace('| requested | 2026-11-26T09:00Z |', `| ${state} | ${at} |`);

  it('takes the side that changed a review', async () => {
    expect(states((await merge(base, base, setState('approved', '2026-11-26T10:00Z'))).text)).toEqual([
      'approved@2026-11-26T10:00Z',
    ]);
    expect(states((await merge(base, setState('rejected', '2026-11-26T10:00Z'), base)).text)).toEqual([
      'rejected@2026-11-26T10:00Z',
    ]);
  });

  it('changed on both sides, a decision wins over a request, then the later At', async () => {
    expect(
      states(
        (await merge(base, setState('approved', '2026-11-26T10:00Z'), setState('requested', '2026-11-26T11:00Z'))).text,
      ),
    ).toEqual(['approved@2026-11-26T10:00Z']);
    expect(
      states(
        (await merge(base, setState('requested', '2026-11-26T11:00Z'), setState('rejected', '2026-11-26T10:00Z'))).text,
      ),
    ).toEqual(['rejected@2026-11-26T10:00Z']);
    expect(
      states(
        (await merge(base, setState('approved', '2026-11-26T10:00Z'), setState('rejected', '2026-11-26T10:30Z'))).text,
      ),
    ).toEqual(['rejected@2026-11-26T10:30Z']);
    expect(
      states(
        (await merge(base, setState('approved', '2026-11-26T10:40Z'), setState('rejected', '2026-11-26T10:30Z'))).text,
      ),
    ).toEqual(['approved@2026-11-26T10:40Z']);
  });

  it('keeps reviews of different reviewers or files apart, and one both sides added once', async () => {
    const ours = addReview(base, {
      path: 'Dockerfile',
      requestedBy: 'backend',
      reviewer: 'security',
      state: 'requested',
      at: '2026-11-26T09:10Z',
    });
    const theirs = addReview(
      addReview(base, {
        path: 'compose.yaml',
        requestedBy: 'backend',
        reviewer: 'docker-expert',
        state: 'requested',
        at: '2026-11-26T09:20Z',
      }),
      {
        path: 'Dockerfile',
        requestedBy: 'backend',
        reviewer: 'security',
        state: 'requested',
        at: '2026-11-26T09:10Z',
      },
    );
    const r = await merge(base, ours, theirs);
    expect(r.conflicts).toBe(0);
    // Theirs' new row goes where theirs has it: after the row it follows there.
    expect(readStatus(r.text).reviews.map((x) => `${x.path}:${x.reviewer}`)).toEqual([
      'Dockerfile:docker-expert',
      'compose.yaml:docker-expert',
      'Dockerfile:security',
    ]);
  });
});

describe('mergeStatus: log', () => {
  const doc = (entries: string[]) => `# S\n\n## Log\n\n${entries.map((e) => e + '\n').join('')}`;
  const e = (hm: string, what: string) => `- 2026-11-26T${hm}Z ${what}`;

  it('is the union of both sides in time order, ours first among equal times, each entry once', async () => {
    const base = doc([e('08:00', 'a: M x')]);
    const ours = doc([e('08:00', 'a: M x'), e('09:00', 'o1'), e('09:30', 'same time ours'), e('11:00', 'both')]);
    const theirs = doc([
      e('08:00', 'a: M x'),
      e('09:10', 't1'),
      e('09:30', 'same time theirs'),
      e('11:00', 'both'),
      e('12:00', 't2'),
    ]);
    const r = await merge(base, ours, theirs);
    expect(r.conflicts).toBe(0);
    expect(logOf(r.text)).toEqual([
      e('08:00', 'a: M x'),
      e('09:00', 'o1'),
      e('09:10', 't1'),
      e('09:30', 'same time ours'),
      e('09:30', 'same time theirs'),
      e('11:00', 'both'),
      e('12:00', 't2'),
    ]);
  });

  it('loses no entry one side removed from the middle: the log is a union', async () => {
    const base = doc([e('08:00', 'old'), e('08:10', 'middle'), e('08:20', 'newer')]);
    const r = await merge(
      base,
      doc([e('08:00', 'old'), e('08:20', 'newer'), e('09:00', 'o')]),
      doc([e('08:00', 'old'), e('08:10', 'middle'), e('08:20', 'newer'), e('09:05', 't')]),
    );
    expect(logOf(r.text)).toEqual([
      e('08:00', 'old'),
      e('08:10', 'middle'),
      e('08:20', 'newer'),
      e('09:00', 'o'),
      e('09:05', 't'),
    ]);
  });

  it('does not bring back the oldest entries a side archived', async () => {
    const base = doc([e('08:00', 'a'), e('08:10', 'b'), e('08:20', 'c'), e('08:30', 'd')]);
    const ours = doc([e('08:20', 'c'), e('08:30', 'd'), e('09:00', 'o')]);
    const theirs = doc([e('08:10', 'b'), e('08:20', 'c'), e('08:30', 'd'), e('09:05', 't')]);
    expect(logOf((await merge(base, ours, theirs)).text)).toEqual([
      e('08:20', 'c'),
      e('08:30', 'd'),
      e('09:00', 'o'),
      e('09:05', 't'),
    ]);
    expect(logOf((await merge(base, theirs, ours)).text)).toEqual([
      e('08:20', 'c'),
      e('08:30', 'd'),
      e('09:00', 'o'),
      e('09:05', 't'),
    ]);
  });

  it('keeps steal entries, entries with seconds or offsets, and continuation lines with their entry', async () => {
    const steal =
      '- 2026-11-26T09:05Z frontend-dev steal api/openapi.yaml from backend-architect: needed for the v2 client';
    const base = doc([e('08:00', 'a')]);
    const ours = doc([
      e('08:00', 'a'),
      '- 2026-11-26T10:00:30+01:00 o: M x',
      '  - a detail of that commit',
      '    and more',
    ]);
    const theirs = doc([e('08:00', 'a'), steal]);
    const r = await merge(base, ours, theirs);
    expect(r.text).toBe(
      doc([
        e('08:00', 'a'),
        '- 2026-11-26T10:00:30+01:00 o: M x',
        '  - a detail of that commit',
        '    and more',
        steal,
      ]),
    );
    expect(readStatus(r.text, { steals: true }).steals.map((s) => s.by)).toEqual(['frontend-dev']);
  });

  it('merges a log written as a table, in time order', async () => {
    const doc = (rows: string[]) => `## Activity Log\n\n| When | Agent | What |\n|---|---|---|\n${rows.join('\n')}\n`;
    const r = await merge(
      doc(['| 2026-11-26 08:00 | a | start |']),
      doc(['| 2026-11-26 08:00 | a | start |', '| 2026-11-26 09:30 | o | ours |']),
      doc(['| 2026-11-26 08:00 | a | start |', '| 2026-11-26 09:00 | t | theirs |']),
    );
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(
      doc(['| 2026-11-26 08:00 | a | start |', '| 2026-11-26 09:00 | t | theirs |', '| 2026-11-26 09:30 | o | ours |']),
    );
  });

  it('creates the Log section when only one side has one', async () => {
    const base = '# S\n\nText.\n';
    const ours = appendLog(base, [e('09:00', 'o').slice(2)]);
    const r = await merge(base, ours, '# Status\n\nText.\n');
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe('# Status\n\nText.\n\n## Log\n\n' + e('09:00', 'o') + '\n');
  });
});

describe('mergeStatus: prose and bytes', () => {
  it('merges prose both sides changed in different places, and marks only the line both changed', async () => {
    const base = BASE.replace('this table and appends', 'this table and appends');
    const ours = addLock(
      BASE.replace('# Work Status', '# Work Status (payments)').replace('release\nthem', 'release\nTHEM'),
      lock('a.ts', 'x'),
    );
    const theirs = addLock(
      BASE.replace('one Log entry per commit.', 'one Log entry per commit, always.').replace(
        'release\nthem',
        'release\nthose',
      ),
      lock('b.ts', 'y'),
    );
    const r = await merge(base, ours, theirs);
    expect(r.conflicts).toBe(1);
    expect(r.text).toContain('# Work Status (payments)');
    expect(r.text).toContain('one Log entry per commit, always.');
    const hunk = r.text.slice(r.text.indexOf('<<<<<<<'), r.text.indexOf('>>>>>>>'));
    expect(hunk).toContain('THEM');
    expect(hunk).toContain('those');
    expect(hunk).not.toContain('| a.ts |');
    expect(locksOf(r.text)).toEqual(['api/openapi.yaml@backend-architect', 'a.ts@x', 'b.ts@y']);
  });

  it('writes each row once when a conflict hunk holds the table', async () => {
    const doc = (intro: string, rows: string[]) =>
      `## Locks\n${intro}\n| Path | Agent |\n| --- | --- |\n${rows.join('\n')}\n`;
    const r = await merge(
      doc('base', ['| a.ts | x |']),
      doc('ours', ['| a.ts | x |', '| b.ts | y |']),
      doc('theirs', []),
    );
    expect(r.conflicts).toBeGreaterThan(0);
    expect(locksOf(r.text.replace(/^(<<<<<<<|=======|>>>>>>>).*\n/gm, ''))).toEqual(['b.ts@y']);
  });

  it('keeps CRLF line endings and a missing final newline', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const ours = addLock(BASE, lock('a.ts', 'x'));
    const theirs = appendLog(BASE, ['2026-11-26T09:00Z y: M b.ts']);
    const lf = (await merge(BASE, ours, theirs)).text;
    const r = await merge(crlf(BASE), crlf(ours), crlf(theirs));
    expect(r.text).toBe(crlf(lf));
    const cut = (s: string) => s.replace(/\n+$/, '');
    expect((await merge(cut(BASE), cut(ours), cut(theirs))).text).toBe(cut(lf));
  });

  it('is not confused by text that looks like its own slot lines', async () => {
    const base = BASE + '\n@@orch-merge-slot-0@@ lock 0\n';
    const ours = addLock(base, lock('a.ts', 'x'));
    const theirs = addLock(base, lock('b.ts', 'y'));
    const r = await merge(base, ours, theirs);
    expect(r.text).toContain('\n@@orch-merge-slot-0@@ lock 0\n');
    expect(locksOf(r.text)).toEqual(['api/openapi.yaml@backend-architect', 'a.ts@x', 'b.ts@y']);
  });

  it('passes the skeletons to the injected line merge and reports its conflicts', async () => {
    const seen: string[][] = [];
    const r = await mergeStatus(BASE, addLock(BASE, lock('a.ts', 'x')), BASE, (b, o, t) => {
      seen.push([b, o, t]);
      return { text: o, conflicts: 3 };
    });
    expect(seen).toHaveLength(1);
    for (const s of seen[0]) expect(s).not.toContain('| api/openapi.yaml |');
    expect(r.conflicts).toBe(3);
    expect(locksOf(r.text)).toEqual(['api/openapi.yaml@backend-architect', 'a.ts@x']);
  });
});

// ------------------------------------------------------------------ properties

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const agentName = fc.constantFrom('backend', 'frontend', 'dba', 'docs-writer', 'ops');
const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
const stamp = (m: number) =>
  `2026-11-26T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}Z`;

type Op =
  | { op: 'lock'; path: string; agent: string; at: number; note: string }
  | { op: 'unlock'; index: number }
  | { op: 'log'; at: number; text: string };

/** Paths from disjoint pools per side, with one shared pool: adds on both sides may coincide. */
const pathIn = (pool: string) =>
  fc.tuple(fc.constantFrom('src', 'web', 'db'), word).map(([d, w]) => `${d}/${pool}-${w}.ts`);
const ops = (pool: fc.Arbitrary<string>) =>
  fc.array(
    fc.oneof(
      fc.record({
        op: fc.constant('lock' as const),
        path: pool,
        agent: agentName,
        at: minute,
        note: fc.constantFrom('-', 'wip', 'v2'),
      }),
      fc.record({ op: fc.constant('unlock' as const), index: fc.nat() }),
      fc.record({ op: fc.constant('log' as const), at: minute, text: word }),
    ),
    { maxLength: 8 },
  );

function apply(doc: string, list: Op[], clock: { t: number }): string {
  let out = doc;
  for (const o of list) {
    if (o.op === 'lock') {
      if (readStatus(out).locks.some((l) => l.path === o.path && l.agent === o.agent)) continue;
      out = addLock(out, { path: o.path, agent: o.agent, since: stamp(o.at), note: o.note });
    } else if (o.op === 'unlock') {
      const locks = readStatus(out).locks;
      if (locks.length === 0) continue;
      const victim = locks[o.index % locks.length];
      out = removeLocks(out, (l) => l.path === victim.path && l.agent === victim.agent).text;
    } else {
      // Logs are appended in time order, as commits make them.
      clock.t = Math.max(clock.t, o.at);
      out = appendLog(out, [`${stamp(clock.t)} ${o.text}: M x`]);
    }
  }
  return out;
}

const scenario = fc
  .record({
    base: ops(pathIn('b')),
    ours: ops(fc.oneof(pathIn('o'), pathIn('s'))),
    theirs: ops(fc.oneof(pathIn('t'), pathIn('s'))),
    crlf: fc.boolean(),
  })
  .map((s) => {
    const clock = { t: 0 };
    const base = apply(CANONICAL_STATUS, s.base, clock);
    const start = clock.t;
    const ours = apply(base, s.ours, { t: start });
    const theirs = apply(base, s.theirs, { t: start });
    const eol = (x: string) => (s.crlf ? x.replace(/\n/g, '\r\n') : x);
    return { base: eol(base), ours: eol(ours), theirs: eol(theirs), crlf: s.crlf };
  });

const keys = (text: string) => new Set(readStatus(text).locks.map((l) => `${l.path}@${l.agent}`));

describe('mergeStatus properties', () => {
  it('rows added on either side appear exactly once, rows removed on either side are gone, and nothing conflicts', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ base, ours, theirs }) => {
        const r = await merge(base, ours, theirs);
        expect(r.conflicts).toBe(0);
        const [b, o, t] = [keys(base), keys(ours), keys(theirs)];
        const expected = new Set([...b].filter((k) => o.has(k) && t.has(k)));
        for (const k of [...o, ...t]) if (!b.has(k)) expected.add(k);
        const got = readStatus(r.text).locks.map((l) => `${l.path}@${l.agent}`);
        expect(new Set(got)).toEqual(expected);
        expect(got.length).toBe(expected.size);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it('no log entry is lost, none is doubled, and the log stays in time order', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ base, ours, theirs }) => {
        const r = await merge(base, ours, theirs);
        const got = logOf(r.text);
        const expected = new Set([...logOf(ours), ...logOf(theirs)]);
        expect(new Set(got)).toEqual(expected);
        // An entry twice on one side (two commits in the same minute) stays twice.
        const most = (e: string) =>
          Math.max(logOf(ours).filter((x) => x === e).length, logOf(theirs).filter((x) => x === e).length);
        for (const e of expected) expect(got.filter((x) => x === e).length).toBe(most(e));
        expect(
          [...got].sort((a, b) => (a.slice(2, 19) < b.slice(2, 19) ? -1 : a.slice(2, 19) > b.slice(2, 19) ? 1 : 0)),
        ).toEqual(got);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it('merging with an unchanged side gives the changed side byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ base, ours, theirs }) => {
        expect((await merge(base, ours, base)).text).toBe(ours);
        expect((await merge(base, base, theirs)).text).toBe(theirs);
        expect((await merge(base, ours, ours)).text).toBe(ours);
      }),
      { numRuns: fuzzRuns(100) },
    );
  });

  it('keeps CRLF: no bare line feed comes out of CRLF documents', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ base, ours, theirs, crlf }) => {
        const r = await merge(base, ours, theirs);
        if (crlf) expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(r.text).not.toContain('\r');
      }),
      { numRuns: fuzzRuns(100) },
    );
  });

  // Documents in the formats people write: tables with other columns, bullets, LOCK lines,
  // blocks, fences, comments, logs with gaps and continuation lines, any line ending.
  const block = fc.oneof(
    fc.constantFrom(
      '## Locks',
      '# 🔒 Currently Locked',
      '## Reviews',
      '## Log',
      '### Archive',
      '## Notes',
      '## Recently Released',
      '## Activity Log',
      'Some prose here.',
      '*No active locks*',
      '```',
      '<!--',
      '-->',
      '',
    ),
    fc
      .tuple(word, agentName)
      .map(([p, a]) => `| Path | Agent |\n| --- | --- |\n| ${p}.ts | ${a} |\n| - | - |\n| ${p}.md | ${a} |`),
    fc
      .tuple(word, agentName)
      .map(
        ([p, a]) =>
          `| Files Locked | Owner | Status |\n|---|---|---|\n| \`${p}/\` | ${a} | 🔒 Locked |\n| ${p}.x | ${a} | ✅ Complete |`,
      ),
    fc
      .tuple(word, agentName)
      .map(
        ([p, a]) =>
          `| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n| ${p} | ${a} | ${a} | requested | 2026-01-01 |`,
      ),
    fc.tuple(minute, word).map(([m, w]) => `- ${stamp(m)} ${w}: M x\n  continued`),
    fc.tuple(minute, word).map(([m, w]) => `- ${stamp(m)} ${w}\n\n- undated ${w}`),
    fc.tuple(minute, word).map(([m, w]) => `| When | What |\n|---|---|\n| ${stamp(m)} | ${w} |`),
    fc.tuple(word, agentName).map(([p, a]) => `- \`${p}.ts\` - ${a} - 2026-01-18 - task`),
    fc.tuple(word, agentName).map(([p, a]) => `LOCK [${p}.ts] [${a}] [2026-01-18]`),
    fc.tuple(word, agentName).map(([p, a]) => `LOCKED_BY: ${a}\nLOCKED_FILES: ${p}.ts`),
    fc.string({ maxLength: 40 }),
  );
  const anyDoc = fc
    .record({
      blocks: fc.array(block, { maxLength: 14 }),
      crlf: fc.boolean(),
      finalEol: fc.boolean(),
      gap: fc.constantFrom('\n', '\n\n'),
    })
    .map(({ blocks, crlf, finalEol, gap }) => {
      const body = blocks.join(gap) + (finalEol ? '\n' : '');
      return crlf ? body.replace(/\r?\n/g, '\r\n') : body;
    });

  it('never throws, whatever the three texts are', async () => {
    const text = fc.oneof(anyDoc, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    await fc.assert(
      fc.asyncProperty(text, text, text, async (b, o, t) => {
        // A line merge that takes ours' skeleton: enough to run every other step.
        const r = await mergeStatus(b, o, t, (_b, ours) => ({ text: ours, conflicts: 0 }));
        expect(typeof r.text).toBe('string');
        expect(r.text).not.toMatch(/@@orch-merge-slot-\d+@@ (lock|review|log|history) /);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('merging a document with itself gives it back byte for byte, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(anyDoc, async (doc) => {
        const r = await merge(doc, doc, doc);
        expect(r.text).toBe(doc);
        expect(r.conflicts).toBe(0);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  // The entry is later than any in the generated documents: an earlier one would be sorted in.
  it('in any format, merging with an unchanged side gives the side that locked and logged', async () => {
    await fc.assert(
      fc.asyncProperty(anyDoc, async (base) => {
        const ours = appendLog(addLock(base, lock('zz/ours.ts', 'ours-agent')), [
          '2027-01-01T00:00Z ours-agent: M zz/ours.ts',
        ]);
        expect((await merge(base, ours, base)).text).toBe(ours);
        expect((await merge(base, base, ours)).text).toBe(ours);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('in any format, a lock and an entry each side added are in the merge', async () => {
    await fc.assert(
      fc.asyncProperty(anyDoc, async (base) => {
        const ours = appendLog(addLock(base, lock('zz/ours.ts', 'ours-agent')), [
          '2026-11-26T23:58Z ours-agent: M zz/ours.ts',
        ]);
        const theirs = appendLog(addLock(base, lock('zz/theirs.ts', 'theirs-agent')), [
          '2026-11-26T23:59Z theirs-agent: M zz/theirs.ts',
        ]);
        const r = await merge(base, ours, theirs);
        // Where a document hides what addLock wrote (an unclosed fence), the merge need not find it either.
        const merged = keys(r.text);
        for (const [side, k] of [
          [ours, 'zz/ours.ts@ours-agent'],
          [theirs, 'zz/theirs.ts@theirs-agent'],
        ]) {
          if (keys(side).has(k)) expect(merged.has(k) || r.text.includes(k.replace('@', ' | '))).toBe(true);
        }
        expect(r.text).toContain('2026-11-26T23:58Z ours-agent: M zz/ours.ts');
        expect(r.text).toContain('2026-11-26T23:59Z theirs-agent: M zz/theirs.ts');
        for (const k of keys(base))
          if (keys(ours).has(k) && keys(theirs).has(k) && r.conflicts === 0) expect(merged.has(k)).toBe(true);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });
});
