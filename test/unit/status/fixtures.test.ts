import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../src/status/readStatus.js';

const dir = join(import.meta.dirname, '../../fixtures/status');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

interface Expected {
  locks: Array<{ line: number; path: string; agent: string; task?: string; since?: string; expires?: string }>;
  reviews?: Array<Record<string, unknown>>;
  problems?: number[];
}

describe('status fixtures: every format the README lists reads without configuration', () => {
  it('has a fixture for each format, each with its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const name of fixtures) expect(readdirSync(dir)).toContain(`${name}.expected.json`);
  });

  it('keeps the CRLF fixture in CRLF (git must not normalise it)', () => {
    const text = readFileSync(join(dir, 'crlf.md'), 'utf8');
    expect(text.includes('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  for (const name of fixtures) {
    it(`${name}.md yields exactly the expected locks, reviews and problems`, () => {
      const text = readFileSync(join(dir, `${name}.md`), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      const doc = readStatus(text, { source: 'WORK_STATUS.md' });
      const locks = doc.locks.map((l) => {
        const o: Record<string, unknown> = { line: l.line, path: l.path, agent: l.agent };
        for (const k of ['task', 'since', 'expires'] as const) if (l[k] !== undefined) o[k] = l[k];
        return o;
      });
      expect(locks).toEqual(expected.locks);
      expect(doc.locks.every((l) => l.source === 'WORK_STATUS.md')).toBe(true);
      const reviews = doc.reviews.map((r) => ({
        line: r.line,
        path: r.path,
        requestedBy: r.requestedBy,
        reviewer: r.reviewer,
        state: r.state,
        ...(r.at ? { at: r.at } : {}),
        ...(r.blob ? { blob: r.blob } : {}),
      }));
      expect(reviews).toEqual(expected.reviews ?? []);
      expect(doc.problems.map((p) => p.line)).toEqual(expected.problems ?? []);
      for (const p of doc.problems) expect(p.text).toBe(text.split(/\r?\n/)[p.line - 1]);
    });
  }
});
