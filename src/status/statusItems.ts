// What the merge driver treats as records rather than prose: the rows of lock and review
// tables, the entries of Log sections and the bullets and table rows of released sections,
// each with the key it is matched on across the three sides of a merge, grouped by the table
// or section they belong to, with the lines where each run of them starts.
import type { LockRole, ReviewRole } from './mapColumns.js';
import { normalizeAgent } from './normalizeAgent.js';
import { parseDate } from './normalizeDate.js';
import { isPlaceholder } from './isPlaceholder.js';
import { reviewState } from './reviewState.js';
import { scanStatus, type StatusScan, type TableInfo } from './scanStatus.js';
import type { Section, Structure } from './scanStructure.js';
import { splitPathList } from './splitPathList.js';
import { isSeparatorRow, splitRow } from './splitRow.js';

export type ItemKind = 'lock' | 'review' | 'log' | 'history';

export interface StatusItem {
  kind: ItemKind;
  /**
   * Identity across the three sides: (paths, agent) for a lock row, (paths, reviewer, requester)
   * for a review row, the text (after \u0001) for anything else.
   */
  key: string;
  /** The item's lines as written, without line endings. */
  lines: string[];
  /** Its group's id (ItemGroup.id). */
  group: string;
  /** Lock: Since; review: At; log: the entry's time. Comparable as strings ('' when unknown; an untimed log entry has the time of the one before it). */
  time: string;
  /** Lock: Expires; review: state rank (approved/rejected over requested); else ''. */
  rank: string;
  /** 0-based line it starts at. */
  at: number;
  /** Which run of its group it is in: items on consecutive lines form one run. */
  run: number;
}

export interface ItemGroup {
  kind: ItemKind;
  /** `<kind> <ordinal among the groups of that kind>`; the merge renames groups to match ours'. */
  id: string;
  /** 0-based line where each run of items starts; for a group without items, where a first item would go. */
  runs: number[];
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
  /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|\|[ \t]*)[[`*_(]*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?[ \t]*(Z|UTC|[+-]\d{2}:?\d{2})?/i;

export function statusItems(text: string): StatusItems {
  const scan = scanStatus(text);
  const { structure } = scan;
  const groups = [...tableGroups(scan), ...sectionGroups(structure)];
  markRuns(groups);
  numberRepeats(groups);
  return { lines: structure.tl.lines, groups };
}

/** The heading above `line` and a blank line, to recreate a lost group under it. */
function headingAbove(structure: Structure, line: number): string[] {
  let h = -1;
  for (const x of structure.headings) if (x.line < line) h = x.line;
  return h >= 0 ? [structure.tl.lines[h], ''] : [];
}

/** One group per lock or review table. */
function tableGroups(scan: StatusScan): ItemGroup[] {
  const { structure } = scan;
  const lines = structure.tl.lines;
  const groups: ItemGroup[] = [];
  let locks = 0;
  let reviews = 0;
  for (const t of scan.tables) {
    const kind: ItemKind | null = t.lockTable ? 'lock' : t.reviewTable ? 'review' : null;
    if (!kind) continue;
    const group: ItemGroup = {
      kind,
      id: `${kind} ${kind === 'lock' ? locks++ : reviews++}`,
      runs: [t.last + 1],
      items: [],
      itemLines: [],
      frame: [
        ...headingAbove(structure, t.header),
        ...(t.header >= 0 ? [lines[t.header]] : []),
        ...(t.separator >= 0 ? [lines[t.separator]] : []),
      ],
    };
    // Every row is an item, so a table body stays in one piece; rows that name no path
    // (placeholders, group labels) are matched on their text.
    for (const i of t.rows) {
      const raw = structure.visible.get(i) ?? lines[i];
      const keyed = isSeparatorRow(raw) ? null : kind === 'lock' ? lockRow(t, raw) : reviewRow(t, raw);
      const item = keyed ?? { key: `\u0001${lines[i].trim()}`, time: '', rank: '' };
      group.items.push({ kind, group: group.id, lines: [lines[i]], ...item, at: i, run: 0 });
      group.itemLines.push(i);
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Log and released sections are records: their bullets (with indented continuation lines)
 * and the rows of their tables are items matched on their text.
 */
function sectionGroups(structure: Structure): ItemGroup[] {
  const { tl, hidden, sections, headings } = structure;
  const groups: ItemGroup[] = [];
  const count = { log: 0, history: 0 };
  for (const sec of sections) {
    if ((sec.kind !== 'log' && sec.kind !== 'released') || sec.heading < 0) continue;
    const kind = sec.kind === 'log' ? 'log' : 'history';
    const group: ItemGroup = {
      kind,
      id: `${kind} ${count[kind]++}`,
      runs: [emptyLogSlot(tl.lines, hidden, sec.start, sec.end)],
      items: [],
      itemLines: [],
      frame: [tl.lines[headings[sec.heading].line], ''],
    };
    collectEntries(group, structure, sec);
    groups.push(group);
  }
  return groups;
}

/** The bullets and table rows of one Log or released section, into its group. */
function collectEntries(group: ItemGroup, { tl, hidden }: Structure, sec: Section): void {
  const { lines } = tl;
  const kind = group.kind;
  let current: StatusItem | null = null;
  let inTable = false;
  let lastTime = '';
  const add = (i: number) => {
    const line = lines[i];
    // An entry without a time of its own sorts with the one before it.
    const time = (kind === 'log' ? entryTime(line) : null) ?? lastTime;
    lastTime = time;
    const item: StatusItem = {
      kind,
      key: `\u0001${line.trimEnd()}`,
      lines: [line],
      group: group.id,
      time,
      rank: '',
      at: i,
      run: 0,
    };
    group.items.push(item);
    group.itemLines.push(i);
    return item;
  };
  for (let i = sec.start; i < sec.end; i++) {
    const line = lines[i];
    if (hidden[i]) {
      current = null;
      inTable = false;
      continue;
    }
    if (current && CONTINUATION.test(line)) {
      current.lines.push(line);
      current.key += '\n' + line.trimEnd();
      group.itemLines.push(i);
      continue;
    }
    current = null;
    if (line.includes('|')) {
      if (inTable) {
        add(i);
        continue;
      }
      if (i + 1 < sec.end && !hidden[i + 1] && isSeparatorRow(lines[i + 1]) && !isSeparatorRow(line)) {
        inTable = true;
        i++;
        continue;
      }
    }
    inTable = false;
    if (ENTRY_START.test(line)) current = add(i);
  }
}

/** Items on consecutive lines form one run; each group lists where its runs start. */
function markRuns(groups: ItemGroup[]): void {
  for (const g of groups) {
    if (g.items.length === 0) continue;
    g.runs = [];
    let end = -1;
    for (const item of g.items) {
      if (item.at !== end) g.runs.push(item.at);
      item.run = g.runs.length - 1;
      end = item.at + item.lines.length;
    }
  }
}

/** The same key twice on one side is two items: number the repeats so none is merged away. */
function numberRepeats(groups: ItemGroup[]): void {
  for (const kind of ['lock', 'review', 'log', 'history'] as const) {
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
  return {
    key: `${paths}\u0000${reviewer}\u0000${requestedBy}`,
    time: parseDate(cellAt(t.reviewRoles, cells, 'at')) ?? '',
    rank,
  };
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
  // UTC already (what orch writes): only ordered, so no calendar check is needed.
  if (zone === 'Z' || /^utc$/i.test(zone)) return `${y}-${mo}-${d}T${h}:${mi}:${s}.${frac.padEnd(9, '0')}Z`;
  const minute = parseDate(`${y}-${mo}-${d}T${h}:${mi}${zone}`);
  if (!minute) return null;
  return `${minute.slice(0, 16)}:${s}.${frac.padEnd(9, '0')}Z`;
}
