// What the merge driver treats as keyed data rather than prose: the rows of lock and review
// tables and the entries of Log sections, each with the key it is matched on across the
// three sides of a merge, and the place (slot) where its group's rows go in the document.
import type { LockRole, ReviewRole } from './mapColumns.js';
import { normalizeAgent } from './normalizeAgent.js';
import { parseDate } from './normalizeDate.js';
import { isPlaceholder } from './isPlaceholder.js';
import { reviewState } from './reviewState.js';
import { scanStatus, type TableInfo } from './scanStatus.js';
import { splitPathList } from './splitPathList.js';
import { isSeparatorRow, splitRow } from './splitRow.js';

export type ItemKind = 'lock' | 'review' | 'log';

export interface StatusItem {
  kind: ItemKind;
  /** Identity across the three sides: (paths, agent) for a lock, (paths, reviewer, requester) for a review, the text for a log entry. */
  key: string;
  /** The item's lines as written, without line endings (a log entry's may end in blank lines that are not part of its key). */
  lines: string[];
  /** Ordinal of its group among the groups of the same kind. */
  group: number;
  /** Lock: Since; review: At; log: the entry's time. Comparable as strings ('' when unknown). */
  time: string;
  /** Lock: Expires; review: state rank (approved/rejected over requested). */
  rank: string;
}

export interface ItemGroup {
  kind: ItemKind;
  ordinal: number;
  /** 0-based line where the group's items go: the first item's line, or where a first item would go. */
  slot: number;
  items: StatusItem[];
  /** 0-based lines the items occupy. */
  itemLines: number[];
  /** Lines that recreate the group when the merged document lost it: heading and table header. */
  frame: string[];
}

export interface StatusItems {
  /** The document's lines without line endings (a CR before the LF is kept off). */
  lines: string[];
  groups: ItemGroup[];
}

const ENTRY_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const CONTINUATION = /^[ \t]+\S/;
const ENTRY_TIME =
  /^(?:[-*+]|\d{1,9}[.)])[ \t]+[[`*_(]*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?[ \t]*(Z|UTC|[+-]\d{2}:?\d{2})?/i;

export function statusItems(text: string): StatusItems {
  const scan = scanStatus(text);
  const { tl, hidden, sections, headings } = scan.structure;
  const lines = tl.lines;
  const groups: ItemGroup[] = [];
  const headingOf = (line: number): string => {
    let h = '';
    for (const x of headings) if (x.line < line) h = lines[x.line];
    return h;
  };

  let locks = 0;
  let reviews = 0;
  for (const t of scan.tables) {
    const kind: ItemKind | null = t.lockTable ? 'lock' : t.reviewTable ? 'review' : null;
    if (!kind) continue;
    const group: ItemGroup = {
      kind,
      ordinal: kind === 'lock' ? locks++ : reviews++,
      slot: t.last + 1,
      items: [],
      itemLines: [],
      frame: [headingOf(t.header), '', ...(t.header >= 0 ? [lines[t.header]] : []), ...(t.separator >= 0 ? [lines[t.separator]] : [])],
    };
    // Every row is an item, so a table body stays in one piece; rows that name no path
    // (placeholders, group labels) are matched on their text.
    for (const i of t.rows) {
      const raw = scan.structure.visible.get(i) ?? lines[i];
      const keyed = isSeparatorRow(raw) ? null : kind === 'lock' ? lockRow(t, raw) : reviewRow(t, raw);
      const item = keyed ?? { key: `\u0001${lines[i].trim()}`, time: '', rank: '' };
      if (group.items.length === 0) group.slot = i;
      group.items.push({ kind, group: group.ordinal, lines: [lines[i]], ...item });
      group.itemLines.push(i);
    }
    groups.push(group);
  }

  let logs = 0;
  for (const sec of sections) {
    if (sec.kind !== 'log' || sec.heading < 0) continue;
    const group: ItemGroup = {
      kind: 'log',
      ordinal: logs++,
      slot: emptyLogSlot(lines, hidden, sec.start, sec.end),
      items: [],
      itemLines: [],
      frame: [lines[headings[sec.heading].line], ''],
    };
    let current: StatusItem | null = null;
    let lastTime = '';
    for (let i = sec.start; i < sec.end; i++) {
      const line = lines[i];
      if (hidden[i]) {
        current = null;
        continue;
      }
      if (current && CONTINUATION.test(line)) {
        current.lines.push(line);
        current.key += '\n' + line.trimEnd();
        group.itemLines.push(i);
        continue;
      }
      if (current && line.trim() === '') {
        // Blank lines between two entries travel with the first (outside its key), so a log
        // written with gaps stays one piece.
        let j = i;
        while (j < sec.end && !hidden[j] && lines[j].trim() === '') j++;
        if (j < sec.end && !hidden[j] && ENTRY_START.test(lines[j])) {
          for (let k = i; k < j; k++) {
            current.lines.push(lines[k]);
            group.itemLines.push(k);
          }
          i = j - 1;
          continue;
        }
      }
      current = null;
      if (!ENTRY_START.test(line)) continue;
      // An entry without a time of its own sorts with the one before it.
      const time = entryTime(line) ?? lastTime;
      lastTime = time;
      current = { kind: 'log', key: line.trimEnd(), lines: [line], group: group.ordinal, time, rank: '' };
      if (group.items.length === 0) group.slot = i;
      group.items.push(current);
      group.itemLines.push(i);
    }
    groups.push(group);
  }

  // The same key twice on one side is two items: number the repeats so none is merged away.
  for (const kind of ['lock', 'review', 'log'] as const) {
    const seen = new Map<string, number>();
    for (const g of groups) {
      if (g.kind !== kind) continue;
      for (const item of g.items) {
        const n = seen.get(item.key) ?? 0;
        seen.set(item.key, n + 1);
        if (n > 0) item.key += `\u0000#${n}`;
      }
    }
  }
  return { lines, groups };
}

function cellAt<R extends string>(roles: Array<R | null>, cells: ReturnType<typeof splitRow>, role: R): string {
  const k = roles.indexOf(role);
  const c = k >= 0 ? cells[k] : undefined;
  return c && !isPlaceholder(c.text) ? c.text : '';
}

function pathsOf(raw: string, cells: ReturnType<typeof splitRow>, k: number): string | null {
  const cell = k >= 0 ? cells[k] : undefined;
  if (!cell) return null;
  const paths = splitPathList(raw.slice(cell.start, cell.end))
    .segments.map((s) => s.path)
    .filter((p): p is string => p !== null)
    .map((p) => p.replace(/\\\|/g, '|'))
    .sort();
  return paths.length ? paths.join('\n') : null;
}

function lockRow(t: TableInfo, raw: string): Pick<StatusItem, 'key' | 'time' | 'rank'> | null {
  const cells = splitRow(raw);
  const paths = pathsOf(raw, cells, t.lockRoles.indexOf('path' as LockRole));
  if (paths === null) return null;
  const agent = normalizeAgent(cellAt(t.lockRoles, cells, 'agent')).toLowerCase();
  const since = cellAt(t.lockRoles, cells, 'since');
  const sinceTime = cellAt(t.lockRoles, cells, 'sinceTime');
  const time = parseDate(sinceTime && /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since} ${sinceTime}` : since) ?? '';
  const rank = parseDate(cellAt(t.lockRoles, cells, 'expires')) ?? '';
  return { key: `${paths}\u0000${agent}`, time, rank };
}

function reviewRow(t: TableInfo, raw: string): Pick<StatusItem, 'key' | 'time' | 'rank'> | null {
  const cells = splitRow(raw);
  const paths = pathsOf(raw, cells, t.reviewRoles.indexOf('path' as ReviewRole));
  if (paths === null) return null;
  const reviewer = normalizeAgent(cellAt(t.reviewRoles, cells, 'reviewer')).toLowerCase();
  const requestedBy = normalizeAgent(cellAt(t.reviewRoles, cells, 'requestedBy')).toLowerCase();
  const state = reviewState(cellAt(t.reviewRoles, cells, 'state'));
  const rank = state === 'approved' || state === 'rejected' ? '2' : state === 'requested' ? '1' : '0';
  return { key: `${paths}\u0000${reviewer}\u0000${requestedBy}`, time: parseDate(cellAt(t.reviewRoles, cells, 'at')) ?? '', rank };
}

/**
 * Where the first entry of an empty Log section goes: after its last line of text, or, when
 * it has none, after the blank line under the heading (where appendLog puts it).
 */
function emptyLogSlot(lines: string[], hidden: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (hidden[i] || lines[i].trim() !== '') return i + 1;
  return start < end ? start + 1 : start;
}

/** The entry's time as `YYYY-MM-DDTHH:MM:SS.fffffffffZ` in UTC, or null when it does not start with one. */
export function entryTime(line: string): string | null {
  const m = ENTRY_TIME.exec(line);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const minute = parseDate(`${y}-${mo}-${d}T${h}:${mi}${/^utc$/i.test(zone) ? 'Z' : zone}`);
  if (!minute) return null;
  return `${minute.slice(0, 16)}:${s}.${frac.padEnd(9, '0')}Z`;
}
