import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../src/status/readStatus.js';

const paths = (text: string) => readStatus(text).locks.map((l) => l.path);

describe('readStatus', () => {
  it('never throws, whatever it is given', () => {
    const inputs = [
      '',
      '\u0000\u0001\u0002\ufffd'.repeat(1000),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1'),
      '## Locks\n\n| Path | Agent |\n| --- |',
      '## Locks\n\n| Path | Agent |\n| --- | --- |\n| a/ |',
      '## Locks\n\n```\n| a | b |\n',
      '## Locks\n<!-- never closed\n| a/ | b |\n',
      '## Locks\n\n' + '|'.repeat(100_000),
      '## Locks\n\n- `' + 'a/'.repeat(50_000),
      '## Locks\n\nLOCK ' + '['.repeat(10_000),
      '\r\r\r## Locks\r| a | b |\r',
      '#'.repeat(10_000),
      '**'.repeat(10_000),
      '---\n' + 'x: y\n'.repeat(1000),
      undefined as unknown as string,
    ];
    for (const text of inputs) {
      const doc = readStatus(text);
      expect(Array.isArray(doc.locks)).toBe(true);
      expect(Array.isArray(doc.problems)).toBe(true);
    }
  });

  it('reads a lock section at any heading level, and a bold line as a heading', () => {
    for (const h of ['# Locks', '###### Locks', '**Active Locks**', '**Active Locks:**']) {
      expect(paths(`${h}\n\n| Path | Agent |\n| --- | --- |\n| a/ | me |\n`)).toEqual(['a/']);
    }
  });

  it('lets a deeper heading without lock words inherit its section, and a sibling end it', () => {
    const doc =
      '## File Locks\n\n### Backend\n\n- `api/` - backend - 2026-01-18\n\n## Roadmap\n\n- `web/` - frontend - 2026-01-18\n';
    expect(paths(doc)).toEqual(['api/']);
  });

  it('lets an empty lock heading label the sibling headings after it, but not a filled one', () => {
    const labelled =
      '# Board\n\n## Active Locks\n\n## T-1 Checkout\nowner: a\nfiles:\n- web/checkout/\n\n## Recently Released\n\n## T-0 Auth\nowner: b\nfiles:\n- api/auth/\n';
    expect(readStatus(labelled).locks.map((l) => [l.path, l.agent, l.task])).toEqual([['web/checkout/', 'a', 'T-1']]);
    const filled = '## Locks\n\n- `api/` - backend - 2026-01-18\n\n## Notes\n\n- `web/` - frontend - 2026-01-18\n';
    expect(paths(filled)).toEqual(['api/']);
  });

  it('reads dates with a zone name inside free text', () => {
    const doc =
      '## Locks\n\n- `x/` - agent-k - 2026-06-29 06:45 KST - T-9\nLOCK [y/] [agent-p] [2026-01-18T09:00 PST]\n';
    expect(readStatus(doc).locks.map((l) => [l.agent, l.since, l.task])).toEqual([
      ['agent-k', '2026-06-28T21:45Z', 'T-9'],
      ['agent-p', '2026-01-18T17:00Z', undefined],
    ]);
  });

  it('normalises agents and paths as written', () => {
    const doc = [
      '## Locks',
      '',
      '| Path | Agent |',
      '| --- | --- |',
      '| `./src/a.ts` | @Claude |',
      '| .\\src\\win\\b.ts | **Backend-Architect** |',
      '| src/dir/ | `codex` |',
      '',
    ].join('\n');
    expect(readStatus(doc).locks.map((l) => [l.path, l.agent])).toEqual([
      ['src/a.ts', 'Claude'],
      ['src/win/b.ts', 'Backend-Architect'],
      ['src/dir/', 'codex'],
    ]);
  });

  it("takes a row's own status over its section", () => {
    const doc = [
      '## Locks',
      '',
      '| Path | Agent | Status |',
      '| --- | --- | --- |',
      '| a/ | x | ✅ Complete |',
      '| b/ | x | 🟢 FREE |',
      '| c/ | x | 🔒 Locked |',
      '',
      '## Team',
      '',
      '| Path | Agent | Status |',
      '| --- | --- | --- |',
      '| d/ | x | 🔒 Locked |',
      '| e/ | x | Complete |',
      '',
      '| Task | Agent | Status |',
      '| --- | --- | --- |',
      '| f/ | x | 🔒 Locked |',
      '',
    ].join('\n');
    expect(paths(doc)).toEqual(['c/', 'd/']);
  });

  it('does not report intro sentences, prose, or anything outside lock sections', () => {
    const doc = [
      'Stray text before any heading: `src/x/` - ??',
      '',
      '## Locks',
      '',
      'Lock files before editing.',
      'Remove your row when you are done, and never edit a row that is not yours.',
      'See docs/locking.md for the rules.',
      '',
      '| Path | Agent |',
      '| --- | --- |',
      '',
      '## Notes',
      '',
      '- `web/` no agent here',
      '| orphan | row |',
      'LOCK [only-a-path]',
    ].join('\n');
    expect(readStatus(doc).problems).toEqual([]);
  });

  it('reports an unreadable line of a lock section with its 1-based line and text', () => {
    const doc = '# S\n\n## Locks\n\n- `web/src/app/page.tsx`\n';
    expect(readStatus(doc).problems).toEqual([
      { line: 5, message: expect.stringContaining('no agent'), text: '- `web/src/app/page.tsx`' },
    ]);
  });

  it('reports a code fence that never closes and swallows the lock section', () => {
    const doc = '# S\n\nExample:\n\n```\n| a | b |\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n| a/ | me |\n';
    const r = readStatus(doc);
    expect(r.locks).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.message.includes('never closed')])).toEqual([[5, true]]);
    expect(readStatus('# S\n\n```\nno locks anywhere\n').problems).toEqual([]);
  });

  it('ignores example rows in fences and comments, and front matter', () => {
    const doc =
      '---\nlocks: LOCK [fm/] [x] [2026-01-01]\n---\n## Locks\n\n```\nLOCK [fenced/] [x] [2026-01-01]\n```\n<!--\nLOCK [commented/] [x] [2026-01-01]\n-->\nLOCK [real/] [x] [2026-01-01]\n';
    expect(paths(doc)).toEqual(['real/']);
  });

  it('records the source on every lock', () => {
    const doc = '## Locks\n\n- `a/` - x - 2026-01-18\n';
    expect(readStatus(doc, { source: '../main/WORK_STATUS.md' }).locks[0].source).toBe('../main/WORK_STATUS.md');
    expect(readStatus(doc).locks[0]).not.toHaveProperty('source');
  });

  it('reads LOCK lines and KEY blocks even without a lock heading, but not bullets', () => {
    const doc = 'LOCK [a/] [x] [2026-01-18]\n\nLOCKED_BY: y\nLOCKED_FILES: b/\n\n- `c/` - z - 2026-01-18\n';
    expect(paths(doc)).toEqual(['a/', 'b/']);
  });
});
