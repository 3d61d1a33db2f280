import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLock } from '../../../src/status/addLock.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { removeLocks } from '../../../src/status/removeLocks.js';
import { scanStatus } from '../../../src/status/scanStatus.js';
import { fuzzRuns } from '../../helpers/timing.js';

// ------------------------------------------------------------------ building blocks

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const ext = fc.constantFrom('', '.ts', '.tsx', '.yaml', '.sql', '.md');
const segment = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `(${w})`) },
  { weight: 1, arbitrary: word.map((w) => `[${w}]`) },
  { weight: 1, arbitrary: fc.constant('**') },
);
/** A repository path as orch would store it: forward slashes, no `./`, maybe a trailing `/`. */
const repoPath = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), word, ext, fc.boolean())
  .map(([dirs, name, e, dir]) => (dir ? `${[...dirs, name].join('/')}/` : `${[...dirs, name].join('/')}${e || '.ts'}`));
// Words that mean "nobody" (`none`, `N/A`…) are placeholders, never agent names.
const agentName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,11}$/)
  .filter((a) => !['na', 'nil', 'null', 'none', 'nothing', 'nobody', 'empty', 'tbd'].includes(a));

interface When {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Zone offset in minutes, or null for "no zone" (read as UTC). */
  off: number | null;
  form: 'date' | 'space' | 'z' | 'seconds' | 'offset' | 'nozone';
}
const when: fc.Arbitrary<When> = fc.record({
  y: fc.integer({ min: 2000, max: 2099 }),
  mo: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
  h: fc.integer({ min: 0, max: 23 }),
  mi: fc.integer({ min: 0, max: 59 }),
  s: fc.integer({ min: 0, max: 59 }),
  off: fc.option(fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15))),
  form: fc.constantFrom('date', 'space', 'z', 'seconds', 'offset', 'nozone'),
});
const p2 = (n: number) => String(n).padStart(2, '0');
function renderWhen(w: When): string {
  const day = `${w.y}-${p2(w.mo)}-${p2(w.d)}`;
  const hm = `${p2(w.h)}:${p2(w.mi)}`;
  const off = w.off ?? 0;
  const zone = `${off < 0 ? '-' : '+'}${p2(Math.floor(Math.abs(off) / 60))}:${p2(Math.abs(off) % 60)}`;
  switch (w.form) {
    case 'date':
      return day;
    case 'space':
      return `${day} ${hm}`;
    case 'z':
      return `${day}T${hm}Z`;
    case 'seconds':
      return `${day}T${hm}:${p2(w.s)}Z`;
    case 'offset':
      return `${day}T${hm}:${p2(w.s)}${zone}`;
    case 'nozone':
      return `${day}T${hm}`;
  }
}
/** The reference: JavaScript's own ISO parser, cut to minutes. */
function expectedWhen(w: When): string {
  const text = renderWhen(w);
  const iso =
    w.form === 'date'
      ? `${text}T00:00Z`
      : w.form === 'space' || w.form === 'nozone'
        ? `${text.replace(' ', 'T')}Z`
        : text;
  return new Date(iso).toISOString().slice(0, 16) + 'Z';
}

// ------------------------------------------------------------------ canonical tables and their model

interface Row {
  paths: string[];
  sep: string;
  pathStyle: 'plain' | 'ticks' | 'dot' | 'backslash';
  agent: string;
  agentStyle: 'plain' | 'at' | 'bold';
  task: string | null;
  since: When | null;
  expires: When | null;
  note: string | null;
  placeholder: boolean;
}
const noteText = fc
  .array(fc.constantFrom('fix', 'api', 'v2', 'a|b', 'wip', 'see T-1', 'x,y'), { minLength: 1, maxLength: 3 })
  .map((w) => w.join(' '));
const row: fc.Arbitrary<Row> = fc.record({
  paths: fc.array(repoPath, { minLength: 1, maxLength: 3 }),
  sep: fc.constantFrom(', ', '; ', '<br>', '<br/>'),
  pathStyle: fc.constantFrom('plain', 'ticks', 'dot', 'backslash'),
  agent: agentName,
  agentStyle: fc.constantFrom('plain', 'at', 'bold'),
  task: fc.option(fc.integer({ min: 1, max: 999 }).map((n) => `T-${n}`)),
  since: fc.option(when),
  expires: fc.option(when),
  note: fc.option(noteText),
  placeholder: fc.boolean().map((b) => b && Math.random() < 0.3),
});
const cell = (v: string | null) => (v === null ? '-' : v.replace(/\|/g, '\\|'));
function renderPath(p: string, style: Row['pathStyle']): string {
  if (style === 'ticks') return '`' + p + '`';
  if (style === 'dot') return './' + p;
  // Globs and brackets stay as written; only separators flip.
  if (style === 'backslash') return p.replace(/\//g, '\\');
  return p;
}
function renderRow(r: Row): string {
  if (r.placeholder) return '| - | - | - | - | - | - |';
  // Paths with glob braces or commas never occur here; plain paths may not hold `;`/`,`.
  const paths = r.paths.map((p) => renderPath(p, r.pathStyle)).join(r.sep);
  const agent = r.agentStyle === 'at' ? `@${r.agent}` : r.agentStyle === 'bold' ? `**${r.agent}**` : r.agent;
  return `| ${paths} | ${agent} | ${cell(r.task)} | ${cell(r.since && renderWhen(r.since))} | ${cell(r.expires && renderWhen(r.expires))} | ${cell(r.note)} |`;
}
/** What a reader must give for these rows, computed without the reader's own code. */
function model(rows: Row[], firstRowLine: number) {
  return rows.flatMap((r, k) =>
    r.placeholder
      ? []
      : r.paths.map((p) => {
          const lock: Record<string, unknown> = { path: p, agent: r.agent, line: firstRowLine + k };
          if (r.task) lock.task = r.task;
          if (r.since) lock.since = expectedWhen(r.since);
          if (r.expires) lock.expires = expectedWhen(r.expires);
          if (r.note) lock.note = r.note;
          return lock;
        }),
  );
}

// ------------------------------------------------------------------ mixed documents

const prose = fc
  .array(
    fc.constantFrom(
      'Lock',
      'files',
      'before',
      'editing',
      'the',
      'agents',
      'must',
      'read',
      'this',
      'status',
      'file',
      'first',
      'Ask',
      'holder',
    ),
    {
      minLength: 3,
      maxLength: 12,
    },
  )
  .map((w) => w.join(' ') + '.');
const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom(
      'Locks',
      '🔒 Currently Locked',
      'ACTIVE LOCKS',
      'File Locks',
      'LOCKED: payments area',
      'Recently Released',
      'Lock History',
      'Completed',
      'Reviews',
      'Log',
      'Notes',
      'Backend',
      'Lock Rules',
    ),
  )
  .map(([n, t]) => `${'#'.repeat(n)} ${t}`);
const otherBlock = fc.oneof(
  prose,
  heading,
  fc.tuple(repoPath, agentName, when).map(([p, a, w]) => `- \`${p}\` - ${a} - ${renderWhen(w)} - task`),
  fc.tuple(repoPath, agentName, when).map(([p, a, w]) => `LOCK [${p}] [${a}] [${renderWhen(w)}]`),
  fc.tuple(agentName, fc.array(repoPath, { minLength: 1, maxLength: 3 })).map(([a, ps]) => `${a} -> ${ps.join(', ')}`),
  fc.tuple(agentName, repoPath).map(([a, p]) => `LOCKED_BY: ${a}\nLOCKED_FILES: ${p}\nEXPIRES: 2026-01-18`),
  fc
    .tuple(agentName, repoPath, repoPath)
    .map(([a, p, q]) => `- agent_id: ${a}\n  allowed_files:\n    - ${p}\n    - ${q}`),
  fc
    .tuple(fc.constantFrom('```', '~~~', '```markdown'), fc.array(row, { maxLength: 3 }))
    .map(([f, rs]) => `${f.slice(0, 3) === '~~~' ? f : f}\n${rs.map(renderRow).join('\n')}\n${f.slice(0, 3)}`),
  fc.array(row, { maxLength: 3 }).map((rs) => `<!--\n${rs.map(renderRow).join('\n')}\n-->`),
  fc
    .array(row, { minLength: 1, maxLength: 4 })
    .map(
      (rs) =>
        `| Files Locked | Owner | Status | Started |\n|---|---|---|---|\n${rs.map((r) => `| ${r.paths.join(', ')} | ${r.agent} | ${r.placeholder ? '✅ Complete' : '🔒 Locked'} | 2025-11-08 12:00 |`).join('\n')}`,
    ),
  fc.string({ maxLength: 60 }),
  fc.constant('```'),
  fc.constant('<!--'),
  fc.constant('---'),
  fc.constant('*No active locks*'),
);
const canonicalTable = fc
  .array(row, { maxLength: 6 })
  .map((rs) =>
    `| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n${rs.map(renderRow).join('\n')}`.trimEnd(),
  );
const layout = fc.record({ crlf: fc.boolean(), finalEol: fc.boolean() });
function assemble(blocks: string[], l: { crlf: boolean; finalEol: boolean }): string {
  const eol = l.crlf ? '\r\n' : '\n';
  const body = blocks.join('\n\n').replace(/\r?\n/g, eol);
  return l.finalEol ? body + eol : body;
}
const mixedDoc = fc.tuple(fc.array(otherBlock, { maxLength: 12 }), layout).map(([b, l]) => assemble(b, l));
/** A document with a lock table under a lock heading somewhere among other blocks. */
const docWithLockTable = fc
  .tuple(
    fc.array(otherBlock, { maxLength: 5 }),
    fc.constantFrom('## Locks', '# 🔒 Currently Locked', '### File Locks'),
    canonicalTable,
    fc.array(otherBlock, { maxLength: 5 }),
    layout,
  )
  .map(([before, h, table, after, l]) => assemble([...before, h, table, ...after], l));

const RUNS = { numRuns: fuzzRuns(600) };
let tablesSeen = 0;

describe('status properties', () => {
  it('readStatus never throws on generated documents or on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mixedDoc,
          docWithLockTable,
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ maxLength: 400 }),
        ),
        (text) => {
          const doc = readStatus(text);
          const lines = text.split('\n').length;
          for (const l of doc.locks) {
            expect(l.line).toBeGreaterThanOrEqual(1);
            expect(l.line).toBeLessThanOrEqual(lines);
            expect(l.path.length).toBeGreaterThan(0);
            expect(l.agent.length).toBeGreaterThan(0);
          }
          for (const p of doc.problems) expect(p.line).toBeLessThanOrEqual(lines);
        },
      ),
      { numRuns: fuzzRuns(800) },
    );
  });

  it('addLock then removeLocks of that lock gives back the original bytes', () => {
    // Blocks before the table may hide it (an unclosed fence or comment); then addLock makes
    // a new section, which must still be readable, and only the round trip is not byte-exact.
    const newLock = fc.record({
      path: repoPath,
      task: fc.option(fc.constantFrom('T-1', 'PAY-3'), { nil: undefined }),
      since: when.map(renderWhen),
      expires: fc.option(when.map(renderWhen), { nil: undefined }),
      note: fc.option(noteText, { nil: undefined }),
    });
    fc.assert(
      fc.property(docWithLockTable, newLock, (text, lock) => {
        const added = addLock(text, { ...lock, agent: 'Prop_Added_Agent' });
        expect(added).not.toBe(text);
        expect(
          readStatus(added)
            .locks.filter((l) => l.agent === 'Prop_Added_Agent')
            .map((l) => l.path),
        ).toEqual([lock.path]);
        const r = removeLocks(added, (l) => l.agent === 'Prop_Added_Agent');
        expect(r.removed).toHaveLength(1);
        if (scanStatus(text).tables.some((t) => t.kind === 'active' && t.lockTable)) {
          tablesSeen++;
          expect(r.text).toBe(text);
        }
      }),
      RUNS,
    );
    // Most generated documents keep their table visible, so the byte-exact check really runs.
    expect(tablesSeen).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('reads generated canonical tables exactly as a reference model of their rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(prose, { maxLength: 2 }), layout, (rows, intro, l) => {
        const header = [
          '# Work Status',
          '',
          '## Locks',
          '',
          ...intro.flatMap((p) => [p, '']),
          '| Path | Agent | Task | Since | Expires | Note |',
          '| --- | --- | --- | --- | --- | --- |',
        ];
        const text = assemble(
          [[...header, ...rows.map(renderRow)].join('\n'), '## Log\n\n- 2026-01-01T00:00Z x: M y'],
          l,
        );
        const doc = readStatus(text);
        expect(doc.locks).toEqual(model(rows, header.length + 1));
        expect(doc.problems).toEqual([]);
      }),
      RUNS,
    );
  });
});
