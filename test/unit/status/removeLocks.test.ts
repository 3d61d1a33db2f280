import { describe, expect, it } from 'vitest';
import { addLock } from '../../../src/status/addLock.js';
import { removeLocks } from '../../../src/status/removeLocks.js';

const TABLE = [
  '## Locks',
  '',
  '| Path | Agent | Task | Since | Expires | Note |',
  '| --- | --- | --- | --- | --- | --- |',
  '| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | - |',
  '| `web/a.ts`<br>`web/b.ts`<br>`web/c.ts` | frontend-dev | T-20 | 2026-11-26T10:00Z | - | - |',
  '| db/migrations/, db/seed.sql | database-architect | T-14 | 2026-11-26T10:30Z | - | - |',
  '',
  '## Log',
  '',
].join('\n');

describe('removeLocks', () => {
  it('deletes exactly the matching row', () => {
    const r = removeLocks(TABLE, (l) => l.path === 'api/openapi.yaml');
    expect(r.text).toBe(
      TABLE.replace('| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | - |\n', ''),
    );
    expect(r.removed.map((l) => [l.path, l.agent, l.line])).toEqual([['api/openapi.yaml', 'backend-architect', 5]]);
    expect(r.kept.map((l) => l.path)).toEqual(['web/a.ts', 'web/b.ts', 'web/c.ts', 'db/migrations/', 'db/seed.sql']);
  });

  it('rewrites only the path list when some paths of a row go, keeping its separators', () => {
    const r = removeLocks(TABLE, (l) => l.path === 'web/b.ts');
    expect(r.text).toBe(TABLE.replace('`web/a.ts`<br>`web/b.ts`<br>`web/c.ts`', '`web/a.ts`<br>`web/c.ts`'));
    const first = removeLocks(TABLE, (l) => l.path === 'db/migrations/');
    expect(first.text).toBe(TABLE.replace('| db/migrations/, db/seed.sql |', '| db/seed.sql |'));
    expect(first.kept.map((l) => l.path)).toContain('db/seed.sql');
  });

  it('deletes a row when all its paths go', () => {
    const r = removeLocks(TABLE, (l) => l.agent === 'frontend-dev');
    expect(r.text).not.toContain('web/');
    expect(r.removed).toHaveLength(3);
  });

  it('gives back the text unchanged when nothing matches', () => {
    const r = removeLocks(TABLE, () => false);
    expect(r.text).toBe(TABLE);
    expect(r.removed).toEqual([]);
    expect(r.kept).toHaveLength(6);
  });

  it('undoes addLock byte for byte: LF, CRLF, with and without a final newline', () => {
    const lock = { path: 'services/x/', agent: 'x-agent', task: 'T-1', since: '2026-01-01T00:00Z', note: 'n' };
    for (const doc of [
      TABLE,
      TABLE.replace(/\n/g, '\r\n'),
      TABLE.trimEnd(),
      TABLE.replace(/\n/g, '\r\n').trimEnd(),
      TABLE.split('\n').slice(0, 7).join('\n'),
    ]) {
      const added = addLock(doc, lock);
      expect(added).not.toBe(doc);
      const r = removeLocks(added, (l) => l.agent === 'x-agent');
      expect(r.text).toBe(doc);
      expect(r.removed).toHaveLength(1);
    }
  });

  it('removes bullet, arrow and LOCK lines', () => {
    const doc = [
      '## Active Locks',
      '',
      '- `src/auth/` - Agent Name - 2026-01-18 - refactor',
      'claude -> src/a.ts, src/b.ts',
      'LOCK [app/[id]/page.tsx] [codex] [2026-01-18T10:00Z]',
      '',
    ].join('\n');
    expect(removeLocks(doc, (l) => l.agent === 'Agent Name').text).toBe(
      doc.replace('- `src/auth/` - Agent Name - 2026-01-18 - refactor\n', ''),
    );
    expect(removeLocks(doc, (l) => l.path === 'src/a.ts').text).toBe(
      doc.replace('claude -> src/a.ts, src/b.ts', 'claude -> src/b.ts'),
    );
    expect(removeLocks(doc, (l) => l.agent === 'codex').text).toBe(
      doc.replace('LOCK [app/[id]/page.tsx] [codex] [2026-01-18T10:00Z]\n', ''),
    );
  });

  it('removes items of a KEY: value block, and the whole block with one of its blank lines', () => {
    const doc = [
      '## LOCKED: payments area',
      '',
      'LOCKED_BY: ledger-agent',
      'LOCKED_FILES:',
      '- services/ledger/post.ts',
      '- services/ledger/reverse.ts',
      'TASK: LED-11',
      '',
      'LOCKED_BY: payments-agent',
      'LOCKED_FILES: services/payments/, api/payments.yaml',
      '',
      '## Next',
      '',
    ].join('\n');
    expect(removeLocks(doc, (l) => l.path === 'services/ledger/post.ts').text).toBe(
      doc.replace('- services/ledger/post.ts\n', ''),
    );
    expect(removeLocks(doc, (l) => l.path === 'api/payments.yaml').text).toBe(
      doc.replace('services/payments/, api/payments.yaml', 'services/payments/'),
    );
    expect(removeLocks(doc, (l) => l.agent === 'ledger-agent').text).toBe(
      [
        '## LOCKED: payments area',
        '',
        'LOCKED_BY: payments-agent',
        'LOCKED_FILES: services/payments/, api/payments.yaml',
        '',
        '## Next',
        '',
      ].join('\n'),
    );
  });

  it('rewrites a YAML flow list', () => {
    const doc = '## Current Claims\n\n- agent_id: backend\n  allowed_files: [api/openapi.yaml, services/orders/]\n';
    expect(removeLocks(doc, (l) => l.path === 'api/openapi.yaml').text).toBe(
      doc.replace('[api/openapi.yaml, services/orders/]', '[services/orders/]'),
    );
  });
});
