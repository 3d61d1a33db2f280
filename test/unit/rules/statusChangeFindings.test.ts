import { describe, expect, it } from 'vitest';
import { rule, statusChangeFindings } from '../../../src/rules/status-integrity.js';
import { readStatusHead } from '../../../src/status/readStatusHead.js';
import { readSteals } from '../../../src/status/readSteals.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const ROW_BA = '| src/app.js | backend-architect | T-1 | 2026-11-26T09:00Z |  |  |';
const ROW_FE = '| web/app.tsx | frontend | T-2 | 2026-11-26T09:00Z |  |  |';

function status(rows: string[], log: string[] = ['- 2026-11-26T09:00Z backend-architect T-1: M src/app.js']): string {
  return [
    '# Work Status',
    '',
    '## Active Locks',
    '',
    '| Path | Agent | Task | Since | Expires | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Log',
    '',
    ...log,
    '',
  ].join('\n');
}

function check(before: string, after: string, config?: ConfigInput, agent = 'frontend') {
  return rule.check(
    makeRuleInput({
      changes: makeChangeSet({
        files: [{ status: 'M', path: 'WORK_STATUS.md' }],
        old: { 'WORK_STATUS.md': before },
        new: { 'WORK_STATUS.md': after },
      }),
      agent,
      config,
    }),
  );
}

describe('status-integrity judges what the file reads, not the lines it changed', () => {
  const before = status([ROW_FE, ROW_BA]);
  for (const line of ['<!--', '```', '## Recently Released', '</table>', '<details>', '   ', '> note']) {
    it(`one inserted line "${line}" above another agent's row hides the lock: an error`, async () => {
      const findings = await check(before, before.replace(ROW_BA, `${line}\n${ROW_BA}`));
      expect(findings.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /hides the lock of backend-architect on src\/app\.js \(task T-1\) \(line 8 before\) without a recorded steal\. Its row is still there \(line 9\)/,
        ),
      ]);
      expect(findings[0]).toMatchObject({
        rule: 'status-integrity',
        holder: 'backend-architect',
        path: 'WORK_STATUS.md',
      });
    });
  }

  it('passes lines inserted where they change no lock: a Log entry, a row of the committer, a comment below the table', async () => {
    expect(
      await check(
        before,
        status([ROW_FE, ROW_BA], ['- 2026-11-26T09:00Z backend-architect T-1: M src/app.js', '- <!-- a note']),
      ),
    ).toEqual([]);
    expect(
      await check(before, status([ROW_FE, ROW_BA, '| web/b.tsx | frontend | T-2 | 2026-11-26T10:00Z |  |  |'])),
    ).toEqual([]);
    expect(await check(before, before.replace('\n## Log', '\n<!-- closed -->\n\n## Log'))).toEqual([]);
  });

  it("hiding the committer's own lock is theirs to do", async () => {
    expect(await check(before, before.replace(ROW_FE, `<!--\n${ROW_FE}\n-->`))).toEqual([]);
  });
});

describe('backdating', () => {
  const before = status([ROW_BA]);
  const backdated = before.replace('T-1 | 2026-11-26T09:00Z', 'T-1 | 2020-01-01T09:00Z');

  it("rewriting the holder's Since is an error when locks.ttl makes it decide the expiry", async () => {
    const findings = await check(before, backdated, { locks: { ttl: '8h' } });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'rewrites the lock of backend-architect on src/app.js (task T-1, since 2026-11-26T09:00Z)',
      ),
    ]);
  });

  it('without a ttl, Since decides nothing and may be corrected', async () => {
    expect(await check(before, backdated)).toEqual([]);
  });

  it('an expiry moved into the past is a rewrite either way', async () => {
    const expired = before.replace('2026-11-26T09:00Z |  |', '2026-11-26T09:00Z | 2020-01-01T00:00Z |');
    expect(await check(before, expired)).toHaveLength(1);
  });
});

describe('conflict markers', () => {
  const before = status([ROW_BA]);
  const conflicted = before.replace(ROW_BA, ['<<<<<<< HEAD', ROW_BA, '=======', ROW_FE, '>>>>>>> topic'].join('\n'));

  it('committing the file with markers is an error that says how to resolve it, even when every lock is still read', async () => {
    const findings = await check(before, conflicted);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('still has merge conflict markers (<<<<<<< at line 7)');
    expect(findings[0].fix).toContain('git checkout -m -- WORK_STATUS.md');
    expect(findings[0].line).toBe(7);
  });

  it('markers left in the Log are an error too', async () => {
    const log = status([ROW_BA], ['<<<<<<< HEAD', '- a', '=======', '- b', '>>>>>>> topic']);
    expect((await check(status([ROW_BA], []), log)).map((f) => f.message)).toEqual([
      expect.stringContaining('conflict markers'),
    ]);
  });

  it('a new status file is not committed with markers either', async () => {
    const findings = await rule.check(
      makeRuleInput({
        changes: makeChangeSet({
          files: [{ status: 'A', path: 'WORK_STATUS.md' }],
          new: { 'WORK_STATUS.md': conflicted },
        }),
        agent: 'frontend',
      }),
    );
    expect(findings).toHaveLength(1);
  });
});

describe('statusChangeFindings: the comparison of two texts, for callers with a change of their own', () => {
  it('finds the hidden lock from the texts alone', async () => {
    const before = status([ROW_BA]);
    const input = makeRuleInput({ changes: makeChangeSet({ files: [] }), agent: 'frontend' });
    const readers = {
      readStatus: (t: string, o?: { source?: string }) => readStatusHead(t, o?.source ?? ''),
      readSteals,
    };
    const findings = await statusChangeFindings(input, readers, {
      oldText: before,
      newText: before.replace(ROW_BA, `<!--\n${ROW_BA}`),
      oldName: 'WORK_STATUS.md',
      statusPath: 'WORK_STATUS.md',
    });
    expect(findings.map((f) => f.holder)).toEqual(['backend-architect']);
    expect(
      await statusChangeFindings(input, readers, {
        oldText: before,
        newText: before,
        oldName: 'WORK_STATUS.md',
        statusPath: 'WORK_STATUS.md',
      }),
    ).toEqual([]);
  });
});
