import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/foreign-edit.js';
import type { EditRecord } from '../../../src/store/editLog.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const now = new Date('2026-12-04T12:00:00Z');
const rec = (path: string, agent: string, blob: string | null, minutesAgo = 12): EditRecord => ({
  path,
  agent,
  blob,
  at: now.getTime() - minutesAgo * 60e3,
});
const edits = (...r: EditRecord[]) => new Map(r.map((x) => [x.path, x]));

describe('foreign-edit', () => {
  it("reports a staged path whose latest uncommitted edit is another agent's, naming it and the fix", async () => {
    const changes = makeChangeSet({
      kind: 'index',
      files: [
        { status: 'M', path: 'src/x.ts', oldBlob: 'aaa', newBlob: 'bbb' },
        { status: 'A', path: 'src/mine.ts', newBlob: 'ccc' },
      ],
    });
    const input = {
      ...makeRuleInput({ changes, agent: 'backend-architect', now }),
      edits: edits(rec('src/x.ts', 'frontend-specialist', 'bbb'), rec('src/mine.ts', 'backend-architect', 'ccc')),
    };
    const findings = await rule.check(input);
    expect(findings).toEqual([
      {
        rule: 'foreign-edit',
        path: 'src/x.ts',
        holder: 'frontend-specialist',
        message:
          'src/x.ts has uncommitted edits by frontend-specialist from 12 minutes ago; commit only your own work.',
        fix: 'git restore --staged src/x.ts',
      },
    ]);
  });

  it('lets an edit through once HEAD holds what it left (committed), and a deletion once HEAD lacks the file', async () => {
    const changes = makeChangeSet({
      kind: 'index',
      files: [
        { status: 'M', path: 'src/x.ts', oldBlob: 'bbb', newBlob: 'ddd' },
        { status: 'A', path: 'src/gone.ts', newBlob: 'eee' },
      ],
    });
    const input = {
      ...makeRuleInput({ changes, agent: 'backend-architect', now }),
      edits: edits(rec('src/x.ts', 'frontend-specialist', 'bbb'), rec('src/gone.ts', 'frontend-specialist', null)),
    };
    expect(await rule.check(input)).toEqual([]);
  });

  it('judges both sides of a rename, and only warns a person', async () => {
    const changes = makeChangeSet({
      kind: 'index',
      files: [{ status: 'R', path: 'src/new.ts', oldPath: 'src/old.ts', oldBlob: 'aaa', newBlob: 'aaa' }],
    });
    const input = {
      ...makeRuleInput({ changes, agent: 'dev@acme.test', person: true, now }),
      edits: edits(rec('src/old.ts', 'qa', 'zzz', 90)),
    };
    const [f] = await rule.check(input);
    expect(f).toMatchObject({ path: 'src/old.ts', severity: 'warning', holder: 'qa' });
    expect(f.message).toContain('from 2 hours ago');
  });

  it('is quiet without a record, and for the agent itself (names compare case-insensitively)', async () => {
    const changes = makeChangeSet({
      kind: 'index',
      files: [{ status: 'M', path: 'a.ts', oldBlob: '1', newBlob: '2' }],
    });
    expect(await rule.check(makeRuleInput({ changes, now }))).toEqual([]);
    expect(
      await rule.check({ ...makeRuleInput({ changes, agent: 'QA', now }), edits: edits(rec('a.ts', 'qa', '2')) }),
    ).toEqual([]);
  });
});
