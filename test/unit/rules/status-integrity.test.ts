import { describe, it, expect } from 'vitest';
import {
  rule as realRule,
  statusIntegrity,
  missingLogEntries,
  type StatusReaders,
} from '../../../src/rules/status-integrity.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import type { FileChange, Lock, Review, ReviewState, Steal } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';
import { expectFasterThan } from '../../helpers/timing.js';

// ------------------------------------------------------------ status documents

interface LockRow {
  path: string;
  agent: string;
  task?: string;
  since?: string;
  expires?: string;
  note?: string;
}
interface ReviewRow {
  path: string;
  by: string;
  reviewer?: string;
  state: ReviewState;
  at?: string;
}

function statusText(doc: { locks?: LockRow[]; reviews?: ReviewRow[]; log?: string[] }): string {
  return [
    '# Work Status',
    '',
    '## Locks',
    '',
    '| Path | Agent | Task | Since | Expires | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...(doc.locks ?? []).map(
      (l) =>
        `| ${l.path} | ${l.agent} | ${l.task ?? ''} | ${l.since ?? '2026-11-26T09:00Z'} | ${l.expires ?? ''} | ${l.note ?? ''} |`,
    ),
    '',
    '## Reviews',
    '',
    '| Path | Requested by | Reviewer | State | At |',
    '| --- | --- | --- | --- | --- |',
    ...(doc.reviews ?? []).map(
      (r) => `| ${r.path} | ${r.by} | ${r.reviewer ?? 'docker-expert'} | ${r.state} | ${r.at ?? '2026-11-26T10:00Z'} |`,
    ),
    '',
    '## Log',
    '',
    ...(doc.log ?? []),
    '',
  ].join('\n');
}

// A reader of the canonical form only: pins the rule's logic apart from the real readers.
const standIn: StatusReaders = {
  readStatus(text) {
    const locks: Lock[] = [];
    const reviews: Review[] = [];
    let section = '';
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      const h = /^##\s+(.*)$/.exec(line);
      if (h) section = h[1].toLowerCase();
      if (!line.startsWith('|') || /^\|\s*(path|---)/i.test(line)) return;
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      const opt = (s: string) => (s === '' ? undefined : s);
      if (section === 'locks') {
        const [path, agent, task, since, expires, note] = cells;
        locks.push({
          path,
          agent,
          task: opt(task),
          since: opt(since),
          expires: opt(expires),
          note: opt(note),
          line: i + 1,
        });
      } else if (section === 'reviews') {
        const [path, requestedBy, reviewer, state, at] = cells;
        reviews.push({ path, requestedBy, reviewer, state: state as ReviewState, at: opt(at), line: i + 1 });
      }
    });
    return { locks, reviews, problems: [], steals: standIn.readSteals(text) };
  },
  readSteals(text) {
    const steals: Steal[] = [];
    text.split('\n').forEach((line, i) => {
      const m = /^- (\S+) (\S+) steal (.+?) from (\S+):\s*(.*)$/.exec(line.trim());
      if (m) steals.push({ at: m[1], by: m[2], path: m[3], from: m[4], reason: m[5], line: i + 1 });
    });
    return steals;
  },
};

const BA_LOCK: LockRow = {
  path: 'api/openapi.yaml',
  agent: 'backend-architect',
  task: 'T-12',
  expires: '2026-11-26T17:00Z',
  note: 'v2 orders',
};
const FD_LOCK: LockRow = { path: 'web/app.tsx', agent: 'frontend-dev', task: 'T-7', expires: '2026-11-26T18:00Z' };
const LOG1 = '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml, A services/orders/Dockerfile';
const LOG2 = '- 2026-11-26T09:30Z frontend-dev T-7: M web/app.tsx';
const STEAL =
  '- 2026-11-26T11:00Z frontend-dev steal api/openapi.yaml from backend-architect: backend-architect is offline and T-9 is blocked';

const cases = (name: string, rule: Rule) =>
  describe(`status-integrity (${name})`, () => {
    function run(
      before: string | null,
      after: string | null,
      opts: {
        agent?: string;
        config?: ConfigInput;
        files?: FileChange[];
        extraNew?: Record<string, string>;
        statusFile?: string;
      } = {},
    ) {
      const statusFile = opts.statusFile ?? 'WORK_STATUS.md';
      const status: FileChange['status'] = before === null ? 'A' : after === null ? 'D' : 'M';
      return rule.check(
        makeRuleInput({
          changes: makeChangeSet({
            files: opts.files ?? [{ status, path: statusFile }],
            old: before === null ? {} : { [statusFile]: before },
            new: { ...(after === null ? {} : { [statusFile]: after }), ...opts.extraNew },
          }),
          agent: opts.agent ?? 'frontend-dev',
          config: opts.config,
        }),
      );
    }

    describe('locks', () => {
      it("blocks an agent deleting another agent's lock row by hand", async () => {
        const findings = await run(
          statusText({ locks: [BA_LOCK, FD_LOCK], log: [LOG1] }),
          statusText({ locks: [FD_LOCK], log: [LOG1] }),
        );
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({
          rule: 'status-integrity',
          path: 'WORK_STATUS.md',
          holder: 'backend-architect',
        });
        expect(findings[0].severity).toBeUndefined();
        expect(findings[0].message).toContain('removes the lock of backend-architect on api/openapi.yaml');
        expect(findings[0].fix).toContain('orch unlock api/openapi.yaml --steal --reason');
      });

      it('judges the file itself when the change also copies it elsewhere (git lists the copy first)', async () => {
        const before = statusText({ locks: [BA_LOCK, FD_LOCK], log: [LOG1] });
        const files: FileChange[] = [
          { status: 'C', path: 'STATUS-COPY.md', oldPath: 'WORK_STATUS.md' },
          { status: 'M', path: 'WORK_STATUS.md' },
        ];
        const extraNew = { 'STATUS-COPY.md': before };
        expect(
          await run(before, statusText({ locks: [BA_LOCK, FD_LOCK], log: [LOG1, LOG2] }), { files, extraNew }),
        ).toEqual([]);
        const removed = await run(before, statusText({ locks: [FD_LOCK], log: [LOG1, LOG2] }), { files, extraNew });
        expect(removed.map((f) => f.message)).toEqual([
          expect.stringContaining('removes the lock of backend-architect on api/openapi.yaml'),
        ]);
      });

      it('passes the same removal when the change records a steal by the committer with a reason', async () => {
        const findings = await run(
          statusText({ locks: [BA_LOCK, FD_LOCK], log: [LOG1] }),
          statusText({ locks: [FD_LOCK], log: [LOG1, STEAL] }),
        );
        expect(findings).toEqual([]);
      });

      it('does not accept a steal by someone else, from someone else, of another path, or one recorded earlier', async () => {
        const was = (log: string[]) => statusText({ locks: [BA_LOCK], log });
        const now = (log: string[]) => statusText({ locks: [], log });
        const other = STEAL.replace('frontend-dev steal', 'qa-agent steal');
        const wrongHolder = STEAL.replace('from backend-architect', 'from database-architect');
        const wrongPath = STEAL.replace('steal api/openapi.yaml', 'steal api/other.yaml');
        expect(await run(was([LOG1]), now([LOG1, other]))).toHaveLength(1);
        expect(await run(was([LOG1]), now([LOG1, wrongHolder]))).toHaveLength(1);
        expect(await run(was([LOG1]), now([LOG1, wrongPath]))).toHaveLength(1);
        expect(await run(was([LOG1, STEAL]), now([LOG1, STEAL]))).toHaveLength(1);
      });

      it('does not accept a steal without a reason', async () => {
        const noReason = STEAL.replace(/: .*$/, ':');
        expect(await run(statusText({ locks: [BA_LOCK], log: [] }), statusText({ log: [noReason] }))).toHaveLength(1);
      });

      it("blocks rewriting another agent's lock (expiry, task or holder)", async () => {
        const before = statusText({ locks: [BA_LOCK] });
        for (const rewritten of [
          { ...BA_LOCK, expires: '2026-11-26T10:00Z' },
          { ...BA_LOCK, task: 'T-13' },
          { ...BA_LOCK, agent: 'frontend-dev' },
        ]) {
          const findings = await run(before, statusText({ locks: [rewritten] }));
          expect(findings).toHaveLength(1);
          expect(findings[0].message).toContain('rewrites the lock of backend-architect on api/openapi.yaml');
        }
      });

      it('passes a holder change recorded as a steal', async () => {
        const findings = await run(
          statusText({ locks: [BA_LOCK] }),
          statusText({ locks: [{ ...BA_LOCK, agent: 'frontend-dev', task: 'T-9' }], log: [STEAL] }),
        );
        expect(findings).toEqual([]);
      });

      it("lets the committer add and remove their own lock rows, and leaves others' rows alone when moved or re-noted", async () => {
        const before = statusText({ locks: [BA_LOCK, FD_LOCK] });
        expect(await run(before, statusText({ locks: [BA_LOCK] }))).toEqual([]);
        expect(
          await run(
            before,
            statusText({ locks: [FD_LOCK, { ...BA_LOCK, note: 'typo fixed' }, { ...FD_LOCK, path: 'web/b.tsx' }] }),
          ),
        ).toEqual([]);
      });

      it('compares agent names case-insensitively and ignores a leading @', async () => {
        const before = statusText({ locks: [{ ...FD_LOCK, agent: '@Frontend-Dev' }] });
        expect(await run(before, statusText({}), { agent: 'FRONTEND-dev' })).toEqual([]);
      });

      it('only warns when the removed lock of another agent had expired', async () => {
        const expired = { ...BA_LOCK, expires: '2026-11-26T08:00Z' };
        const [f] = await run(statusText({ locks: [expired] }), statusText({}));
        expect(f.severity).toBe('warning');
        expect(f.message).toContain('expired');
      });

      it("blocks deleting the status file while it holds another agent's lock", async () => {
        const findings = await run(statusText({ locks: [BA_LOCK] }), null);
        expect(findings).toHaveLength(1);
        expect(findings[0].holder).toBe('backend-architect');
      });

      it('passes a newly added status file, and changes that do not touch the status file', async () => {
        expect(await run(null, statusText({ locks: [BA_LOCK] }))).toEqual([]);
        expect(
          await run(statusText({ locks: [BA_LOCK] }), statusText({}), {
            files: [{ status: 'M', path: 'web/app.tsx' }],
          }),
        ).toEqual([]);
      });

      it('follows the configured statusFile', async () => {
        const opts = { statusFile: 'docs/STATUS.md', config: { statusFile: 'docs/STATUS.md' } };
        expect(await run(statusText({ locks: [BA_LOCK] }), statusText({}), opts)).toHaveLength(1);
      });
    });

    describe('reviews', () => {
      const REQ: ReviewRow = { path: 'services/orders/Dockerfile', by: 'backend-architect', state: 'requested' };

      it("blocks removing another agent's review request", async () => {
        const [f, ...rest] = await run(statusText({ reviews: [REQ] }), statusText({}));
        expect(rest).toEqual([]);
        expect(f.message).toContain('removes the review of services/orders/Dockerfile requested by backend-architect');
      });

      it('passes the configured reviewer approving or rejecting it', async () => {
        for (const state of ['approved', 'rejected'] as const) {
          const after = statusText({ reviews: [{ ...REQ, state, at: '2026-11-26T11:00Z' }] });
          expect(await run(statusText({ reviews: [REQ] }), after, { agent: 'docker-expert' })).toEqual([]);
        }
      });

      it('blocks anyone else approving it, the requester included', async () => {
        const after = statusText({ reviews: [{ ...REQ, state: 'approved', at: '2026-11-26T11:00Z' }] });
        for (const agent of ['frontend-dev', 'backend-architect']) {
          const [f] = await run(statusText({ reviews: [REQ] }), after, { agent });
          expect(f.message).toContain('only the reviewer may approve it');
        }
      });

      it('honours a configured reviewer', async () => {
        const config = { review: { reviewer: 'platform-team' } };
        const before = statusText({ reviews: [{ ...REQ, reviewer: 'docker-expert' }] });
        const after = statusText({ reviews: [{ ...REQ, reviewer: 'docker-expert', state: 'approved', at: 'x' }] });
        expect(await run(before, after, { agent: 'platform-team', config })).toEqual([]);
      });

      it('lets the requester withdraw or re-request their own review', async () => {
        const before = statusText({ reviews: [REQ] });
        expect(await run(before, statusText({}), { agent: 'backend-architect' })).toEqual([]);
        expect(
          await run(before, statusText({ reviews: [{ ...REQ, at: '2026-11-26T12:00Z' }] }), {
            agent: 'backend-architect',
          }),
        ).toEqual([]);
      });

      it('blocks a new row that records an approval by someone other than the reviewer', async () => {
        const [f] = await run(statusText({}), statusText({ reviews: [{ ...REQ, state: 'approved' }] }), {
          agent: 'backend-architect',
        });
        expect(f.message).toContain('only the reviewer records a decision');
        expect(f.line).toBeGreaterThan(0);
        expect(await run(statusText({}), statusText({ reviews: [REQ] }), { agent: 'backend-architect' })).toEqual([]);
      });
    });

    describe('log', () => {
      it('passes appended entries', async () => {
        expect(await run(statusText({ log: [LOG1] }), statusText({ log: [LOG1, LOG2] }))).toEqual([]);
      });

      it('blocks a rewritten entry and quotes it', async () => {
        const [f, ...rest] = await run(
          statusText({ log: [LOG1, LOG2] }),
          statusText({ log: [LOG1.replace('T-12', 'T-99'), LOG2] }),
        );
        expect(rest).toEqual([]);
        expect(f.message).toContain('rewrites or removes an existing Log entry');
        expect(f.message).toContain('backend-architect T-12');
      });

      it('blocks removed entries and counts them', async () => {
        const [f] = await run(statusText({ log: [LOG1, LOG2] }), statusText({ log: [] }));
        expect(f.message).toContain('2 existing Log entries');
      });

      it('blocks reordered entries', async () => {
        expect(await run(statusText({ log: [LOG1, LOG2] }), statusText({ log: [LOG2, LOG1] }))).toHaveLength(1);
      });

      it('passes entries moved word for word into the archive file, and only those', async () => {
        const before = statusText({ log: [LOG1, LOG2] });
        const after = statusText({ log: [LOG2] });
        const archive = `# Work Status archive\n\n${LOG1}\n`;
        const files: FileChange[] = [
          { status: 'M', path: 'WORK_STATUS.md' },
          { status: 'A', path: 'WORK_STATUS.archive.md' },
        ];
        expect(await run(before, after, { files, extraNew: { 'WORK_STATUS.archive.md': archive } })).toEqual([]);
        expect(
          await run(before, statusText({}), { files, extraNew: { 'WORK_STATUS.archive.md': archive } }),
        ).toHaveLength(1);
        expect(await run(before, after, { files })).toHaveLength(1);
        const config = { log: { archiveFile: 'docs/log-archive.md' } };
        expect(await run(before, after, { files, config, extraNew: { 'docs/log-archive.md': archive } })).toEqual([]);
      });
    });

    it('documents the steal command and its config keys', () => {
      for (const word of ['orch unlock', '--steal --reason', 'statusFile', 'review.reviewer', 'log.archiveFile']) {
        expect(rule.docs).toContain(word);
      }
    });
  });

cases('src/status readers', realRule);

describe('status-integrity on a hand-written status file', () => {
  const table = (...rows: string[]) =>
    [
      '# Status',
      '',
      '## 🔒 Currently Locked',
      '',
      '| File | Locked By | Status |',
      '|------|-----------|--------|',
      ...rows,
      '',
    ].join('\n');
  const BA = '| `api/openapi.yaml` | backend-architect | 🔒 Locked |';
  const FD = '| `web/app.tsx` | frontend-dev | 🔒 Locked |';
  const run = (before: string, after: string) =>
    realRule.check(
      makeRuleInput({
        changes: makeChangeSet({
          files: [{ status: 'M', path: 'WORK_STATUS.md' }],
          old: { 'WORK_STATUS.md': before },
          new: { 'WORK_STATUS.md': after },
        }),
        agent: 'frontend-dev',
      }),
    );

  it("blocks removing another agent's row or marking it complete", async () => {
    expect(await run(table(BA, FD), table(FD))).toHaveLength(1);
    expect(await run(table(BA, FD), table(BA.replace('🔒 Locked', '✅ Complete'), FD))).toHaveLength(1);
  });

  it('passes releasing the committer’s own row', async () => {
    expect(await run(table(BA, FD), table(BA, FD.replace('🔒 Locked', '✅ Complete')))).toEqual([]);
    expect(await run(table(BA, FD), table(BA))).toEqual([]);
  });
});
cases(
  'canonical stand-in reader',
  statusIntegrity(async () => standIn),
);

describe('missingLogEntries', () => {
  const e = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

  it('accepts growth anywhere and reports old entries that are gone or out of order', () => {
    expect(missingLogEntries(e('a', 'b'), e('x', 'a', 'y', 'b', 'z'))).toEqual([]);
    expect(missingLogEntries(e('a', 'b', 'c'), e('a', 'c')).map((x) => x.text)).toEqual(['b']);
    expect(missingLogEntries(e('a', 'b'), e('b', 'a')).map((x) => x.text)).toEqual(['b']);
    expect(missingLogEntries(e('a', 'a'), e('a')).map((x) => x.text)).toEqual(['a']);
  });

  it('handles a long log (its speed is checked by test:stress)', () => {
    const old = Array.from({ length: 20_000 }, (_, i) => `- entry ${i}`);
    const t0 = performance.now();
    expect(missingLogEntries(e(...old), e(...old.slice(100), 'new'))).toHaveLength(100);
    expectFasterThan(performance.now() - t0, 300, 'missingLogEntries over 20,000 entries');
  });
});
