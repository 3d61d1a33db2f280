// The scanner is a line scanner, not a markdown parser. This test holds it to what a real
// CommonMark + GFM parser sees in the fixtures: the same headings, the same code blocks, and
// the same table rows in lock sections. remark is used here only, never on the hot path.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../../src/status/classifyHeading.js';
import { HIDDEN_COMMENT, HIDDEN_FENCE, HIDDEN_FRONT_MATTER } from '../../../src/status/scanStructure.js';
import { scanStatus } from '../../../src/status/scanStatus.js';

const dir = join(import.meta.dirname, '../../fixtures/status');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const parser = unified().use(remarkParse).use(remarkGfm);

function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

function walk(node: Root | RootContent, visit: (n: RootContent) => void): void {
  if (node.type !== 'root') visit(node);
  if ('children' in node) for (const c of node.children as RootContent[]) walk(c, visit);
}

describe('the line scanner agrees with remark-parse + remark-gfm on every fixture', () => {
  for (const file of fixtures) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const tree = parser.parse(text);
      const scan = scanStatus(text);
      const s = scan.structure;
      const frontMatter = (line: number) => s.hidden[line - 1] === HIDDEN_FRONT_MATTER;

      const headings: Heading[] = [];
      const tables: Table[] = [];
      const code: Array<{ start: number; end: number }> = [];
      const comments: Array<{ start: number; end: number }> = [];
      walk(tree, (n) => {
        if (n.type === 'heading') headings.push(n);
        if (n.type === 'table') tables.push(n);
        if (n.type === 'code') code.push({ start: n.position!.start.line, end: n.position!.end.line });
        if (n.type === 'html' && n.value.startsWith('<!--'))
          comments.push({ start: n.position!.start.line, end: n.position!.end.line });
      });

      // Headings: same lines, levels and meaning (bold pseudo-headings are the scanner's own extra).
      const remarkHeadings = headings
        .filter((h) => !frontMatter(h.position!.start.line))
        .map((h) => ({ line: h.position!.start.line, level: h.depth, kind: classifyHeading(textOf(h)) }));
      const scannerHeadings = s.headings
        .filter((h) => h.level <= 6)
        .map((h) => ({ line: h.line + 1, level: h.level, kind: h.own }));
      expect(scannerHeadings).toEqual(remarkHeadings);

      // Code blocks and comment blocks are hidden from the scanner, every line of them.
      for (const c of code) {
        for (let line = c.start; line <= c.end; line++)
          expect(s.hidden[line - 1], `${file}:${line} (code)`).toBe(HIDDEN_FENCE);
      }
      for (const c of comments) {
        for (let line = c.start; line <= c.end; line++) {
          const hidden = s.hidden[line - 1] === HIDDEN_COMMENT || s.visible.has(line - 1);
          expect(hidden, `${file}:${line} (comment)`).toBe(true);
        }
      }

      // Tables in lock sections: the same header and row lines.
      const kindAt = (line: number) => s.sections.find((sec) => sec.start <= line - 1 && line - 1 < sec.end)?.kind;
      const lockTables = tables.filter((t) => kindAt(t.position!.start.line) === 'active');
      for (const t of lockTables) {
        const header = t.position!.start.line;
        const mine = scan.tables.find((x) => x.header + 1 === header);
        expect(mine, `${file}:${header} table`).toBeDefined();
        const rows = t.children.slice(1).map((r) => r.position!.start.line);
        expect(mine!.rows.map((r) => r + 1)).toEqual(rows);
      }
      // …and the scanner sees no GFM table there that remark does not (headerless rows are its own leniency).
      for (const mine of scan.tables.filter((x) => x.kind === 'active' && x.separator >= 0)) {
        expect(
          lockTables.map((t) => t.position!.start.line),
          `${file}:${mine.header + 1}`,
        ).toContain(mine.header + 1);
      }
      // Every lock read from a table row sits on a row remark sees.
      const remarkRows = new Set(tables.flatMap((t) => t.children.slice(1).map((r) => r.position!.start.line)));
      for (const l of scan.locks.filter((x) => x.record.kind === 'row'))
        expect(remarkRows.has(l.lock.line), `${file}:${l.lock.line}`).toBe(true);
    });
  }
});
