// The line scanner behind readStatus and the editors. It keeps, for every lock and review it
// reads, where it came from (line, cell, path segment), so an edit can touch exactly those
// bytes. No markdown parser here: a 5,000-row table must cost milliseconds, not seconds.
// Each shape has its reader: scanTable (tables), scanBlock (KEY: value blocks), scanLine
// (LOCK lines, bullets, arrows).
import type { StatusProblem } from '../types.js';
import { classifyHeading } from './classifyHeading.js';
import { isPlaceholder } from './isPlaceholder.js';
import { mapLockColumns } from './mapColumns.js';
import { parseHeading } from './parseHeading.js';
import { readHolder } from './readHolder.js';
import { BULLET, blockKeyLine, blockOtherLine, endBlock, keyRole, KV, type Block } from './scanBlock.js';
import { problem, type ScanContext, type SectionScan } from './scanContext.js';
import { freeLine, lockLine, LOCK_LINE } from './scanLine.js';
import { HIDDEN_COMMENT, scanStructure, type Structure } from './scanStructure.js';
import { startTable, tableRow } from './scanTable.js';
import type { StatusScan, TableInfo } from './scanTypes.js';
import { isSeparatorRow, splitRow } from './splitRow.js';

export type { ListRegion, LockRecord, ScanLock, ScanReview, StatusScan, TableInfo } from './scanTypes.js';

const MAX_LINE = 20_000;
const TASK_HEADING = /^(?:[A-Z][A-Z0-9]*-[A-Z0-9-]*\d[A-Z0-9-]*|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|#\d+)(?=\s|$)/;
// "Example:", "For example:", "**Template:**", "Format (example):" — what follows is an illustration.
const EXAMPLE_LEAD =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__|\*|_)?(?:for\s+)?(?:an?\s+)?(?:examples?|templates?|samples?|e\.g\.|format|usage)\b[^|`]{0,60}:(?:\*\*|__|\*|_)?\s*$/i;

export function scanStatus(text: string): StatusScan {
  const structure = scanStructure(text);
  const ctx: ScanContext = {
    structure,
    lines: structure.tl.lines,
    tables: [],
    records: [],
    locks: [],
    reviews: [],
    problems: [],
  };
  structure.sections.forEach((s, index) => {
    if (s.kind === 'log' || s.kind === 'released' || s.kind === 'other') return;
    const headingText = s.heading >= 0 ? structure.headings[s.heading].text : '';
    const sec: SectionScan = { ctx, kind: s.kind, active: s.kind === 'active', index };
    sec.headingTask = TASK_HEADING.exec(headingText)?.[0];
    // `### backend-architect`, `## Agent: ingest-worker`, `### 🤖 @qa-bot`
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class matches emoji and their joiners one code point at a time, on purpose
    const named = headingText.replace(/^[\p{Extended_Pictographic}\uFE0F\s]*(?:agent\s*:?\s+)?/iu, '');
    const holder =
      s.heading >= 0 && structure.headings[s.heading].own === 'unknown' && !sec.headingTask ? readHolder(named) : null;
    // Only a name that looks like an agent's, not a topic (`### Backend`).
    if (holder && (/^@|[-_\d]/.test(named.trim()) || named !== headingText) && !/\s/.test(holder))
      sec.headingHolder = holder;
    if (sec.active) sec.sectionHolder = findSectionHolder(structure, s.start, s.end);
    scanSection(sec, s.start, s.end);
  });
  if (structure.unclosedFence >= 0) reportUnclosedFence(structure, ctx.problems);
  ctx.problems.sort((a, b) => a.line - b.line);
  const { tables, records, locks, reviews, problems } = ctx;
  return { structure, tables, records, locks, reviews, problems };
}

function scanSection(sec: SectionScan, from: number, to: number): void {
  const { ctx, kind, active } = sec;
  const { hidden, visible } = ctx.structure;
  const lines = ctx.lines;
  let table: TableInfo | null = null;
  let block: Block | null = null;
  // After "Example:": skip blank lines, then the run of lines that is the example.
  let example: 'off' | 'lead' | 'body' = 'off';
  const close = () => {
    table = null;
    endBlock(sec, block);
    block = null;
  };

  for (let i = from; i < to; i++) {
    if (hidden[i]) {
      // A code fence ends a table; a comment between rows does not.
      if (hidden[i] !== HIDDEN_COMMENT) close();
      continue;
    }
    const raw = visible.get(i) ?? lines[i];
    const trimmed = raw.trim();
    if (!trimmed) {
      close();
      if (example === 'body') example = 'off';
      continue;
    }
    if (example !== 'off') {
      example = 'body';
      continue;
    }
    if (raw.length > MAX_LINE) {
      close();
      if (active) problem(ctx, i, 'line too long to read as a lock');
      continue;
    }
    if (trimmed.startsWith('>')) {
      close();
      continue;
    }
    if (EXAMPLE_LEAD.test(raw)) {
      close();
      example = 'lead';
      continue;
    }

    // ---------------------------------------------------------------- tables
    if (table && raw.includes('|')) {
      tableRow(sec, table, i, raw);
      continue;
    }
    table = null;
    if (raw.includes('|') && !block) {
      if (i + 1 < to && !hidden[i + 1] && isSeparatorRow(lines[i + 1]) && !isSeparatorRow(raw)) {
        table = startTable(sec, i, i + 1, raw);
        i++;
        continue;
      }
      if (trimmed.startsWith('|')) {
        if (isSeparatorRow(raw)) continue;
        const roles = mapLockColumns(splitRow(raw).map((c) => c.text));
        // A header row whose separator is missing: still a lock table in a lock section.
        if (active && roles.includes('path') && (roles.includes('agent') || roles.includes('status'))) {
          table = startTable(sec, i, -1, raw);
          continue;
        }
        if (active && !splitRow(raw).every((c) => isPlaceholder(c.text))) {
          problem(
            ctx,
            i,
            'table row without a header row; start the table with `| Path | Agent | Task | Since | Expires | Note |` and `| --- | --- | --- | --- | --- | --- |`',
          );
        }
        continue;
      }
    }
    if (kind === 'reviews') continue;

    // ---------------------------------------------------------------- key: value blocks
    const kv = KV.exec(raw);
    if (kv && keyRole(kv)) {
      block = blockKeyLine(sec, block, i, raw, kv);
      continue;
    }
    if (block) {
      if (blockOtherLine(block, i, raw, kv)) continue;
      endBlock(sec, block);
      block = null;
    }

    // ---------------------------------------------------------------- LOCK [path] [agent] [timestamp]
    const ll = LOCK_LINE.exec(raw);
    if (ll) {
      lockLine(sec, i, raw, ll[2] === 'UNLOCK', ll[0].length);
      continue;
    }
    if (!active) continue;

    // ---------------------------------------------------------------- bullets, arrows, bare lines
    freeLine(sec, i, raw);
  }
  endBlock(sec, block);
}

/**
 * The holder a lock section names once for all its entries (`Locked by: Dana` or
 * `- **Owner:** Dana` above a list of paths). None when the section names several holders.
 */
function findSectionHolder(s: Structure, from: number, to: number): SectionScan['sectionHolder'] {
  let found: string | undefined;
  for (let i = from; i < to; i++) {
    if (s.hidden[i]) continue;
    const raw = s.visible.get(i) ?? s.tl.lines[i];
    if (!raw.includes(':') || raw.length > 400) continue;
    const kv = KV.exec(raw);
    if (!kv || keyRole(kv) !== 'agent' || (BULLET.exec(raw)?.[1].length ?? kv[1].length) > 0) continue;
    const holder = kv[4] ? readHolder(kv[4]) : null;
    if (!holder) continue;
    if (found && found.toLowerCase() !== holder.toLowerCase()) return undefined;
    found = holder;
  }
  return found ? { agent: found, fields: {} } : undefined;
}

function reportUnclosedFence(s: Structure, problems: StatusProblem[]): void {
  const at = s.unclosedFence;
  const owner = s.sections.find((sec) => sec.start <= at && at < sec.end);
  let swallowsLocks = owner?.kind === 'active';
  for (let i = at + 1; i < s.tl.lines.length && !swallowsLocks; i++) {
    const line = s.tl.lines[i];
    if (!line.trimStart().startsWith('#')) continue;
    const h = parseHeading(line);
    if (h && classifyHeading(h.text) === 'active') swallowsLocks = true;
  }
  if (swallowsLocks) {
    problems.push({
      line: at + 1,
      message: 'code fence is never closed, so nothing after it is read as a lock; close it with a matching ``` line',
      text: s.tl.lines[at],
    });
  }
}
