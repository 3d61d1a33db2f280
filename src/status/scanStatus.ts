// The line scanner behind readStatus and the editors. It keeps, for every lock and review it
// reads, where it came from (line, cell, path segment), so an edit can touch exactly those
// bytes. No markdown parser here: a 5,000-row table must cost milliseconds, not seconds.
import type { Lock, Review, StatusProblem } from '../types.js';
import { classifyStatus, type StatusClass } from './classifyStatus.js';
import { classifyHeading } from './classifyHeading.js';
import { isPathLike, isStrongPath } from './isPathLike.js';
import { isPlaceholder } from './isPlaceholder.js';
import { mapLockColumns, mapReviewColumns, type LockRole, type ReviewRole } from './mapColumns.js';
import { normalizeAgent } from './normalizeAgent.js';
import { normalizeDate } from './normalizeDate.js';
import { parseFields, type LockFields } from './parseFields.js';
import { parseHeading } from './parseHeading.js';
import { blobOf, reviewState } from './reviewState.js';
import { HIDDEN_COMMENT, scanStructure, type SectionKind, type Structure } from './scanStructure.js';
import { splitPathList, type PathList } from './splitPathList.js';
import { isSeparatorRow, splitRow, type RowCell } from './splitRow.js';

/** A place in one line that holds a list of paths (a cell, a bullet's path group, a YAML item). */
export interface ListRegion {
  /** 0-based line index. */
  line: number;
  /** Offsets in the line. */
  start: number;
  end: number;
  list: PathList;
  /** The whole line is this one item (a nested list entry): emptying it deletes the line. */
  itemLine: boolean;
}

/** The lines one lock entry occupies. */
export interface LockRecord {
  kind: 'row' | 'line' | 'block';
  /** 0-based, inclusive. */
  start: number;
  end: number;
  regions: ListRegion[];
}

export interface ScanLock {
  lock: Lock;
  record: LockRecord;
  region: ListRegion;
  segment: number;
}

export interface TableInfo {
  /** 0-based line of the header row; -1 when none. */
  header: number;
  separator: number;
  /** The table's last line (its last row, or the separator/header when it has none). */
  last: number;
  rows: number[];
  kind: SectionKind;
  lockRoles: Array<LockRole | null>;
  reviewRoles: Array<ReviewRole | null>;
  /** Has path and agent columns, so a lock can be written into it. */
  lockTable: boolean;
  reviewTable: boolean;
  /** Some row writes its path in backticks; new rows follow suit. */
  backticks: boolean;
  indent: string;
  leadingPipe: boolean;
  trailingPipe: boolean;
  /** Index into Structure.sections. */
  section: number;
  /** Column of each lock role, -1 when the table has none. */
  col: Record<LockRole, number>;
}

export interface ScanReview {
  review: Review;
  table: TableInfo;
  line: number;
  cells: RowCell[];
  region: ListRegion;
  segment: number;
}

export interface StatusScan {
  structure: Structure;
  tables: TableInfo[];
  records: LockRecord[];
  locks: ScanLock[];
  reviews: ScanReview[];
  problems: StatusProblem[];
}

const MAX_LINE = 20_000;
const ROW_HINT = 'write it as a row `| path | agent | task | since | expires | note |`';

const KEY_ROLES: Record<string, 'agent' | 'paths' | 'since' | 'expires' | 'task' | 'note' | 'status'> = {
  locked_by: 'agent', agent: 'agent', agent_id: 'agent', agent_name: 'agent', owner: 'agent', holder: 'agent',
  assignee: 'agent', held_by: 'agent', claimed_by: 'agent',
  locked_files: 'paths', locked_paths: 'paths', files: 'paths', paths: 'paths', allowed_files: 'paths',
  allowed_paths: 'paths', file: 'paths', path: 'paths', locked: 'paths', resources: 'paths', claimed_files: 'paths',
  expires: 'expires', expires_at: 'expires', until: 'expires', expiry: 'expires', eta: 'expires', lock_expires: 'expires',
  locked_at: 'since', since: 'since', started: 'since', started_at: 'since', timestamp: 'since', locked_on: 'since',
  claimed_at: 'since',
  task: 'task', task_id: 'task', ticket: 'task', issue: 'task',
  note: 'note', notes: 'note', reason: 'note', purpose: 'note', description: 'note',
  status: 'status', state: 'status',
};
// Keys that say "this block is a lock" even outside a lock section.
const DISTINCTIVE = new Set(['locked_by', 'locked_files', 'locked_paths', 'agent_id', 'allowed_files', 'allowed_paths', 'claimed_files']);
const NOT_AGENTS = new Set(['note', 'notes', 'see', 'example', 'e.g', 'eg', 'i.e', 'warning', 'important', 'tip', 'todo', 'currently', 'next', 'last', 'updated', 'last updated', 'status', 'summary', 'rule', 'rules', 'format', 'usage', 'nb', 'ps', 'info', 'hint', 'caution']);

const KV = /^(\s*)(?:([-*+])\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:[ \t]+(.*))?$/;
const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])\s+/;
const LOCK_LINE = /^(\s*(?:[-*+]\s+)?`?)(LOCK|UNLOCK)`?:?[ \t]+/;

interface Block {
  start: number;
  end: number;
  seen: Set<string>;
  distinctive: boolean;
  agent?: string;
  fields: LockFields;
  status: StatusClass;
  regions: ListRegion[];
  /** A paths key with no inline value: its items follow as bullets indented at least this much. */
  listIndent: number;
  /** The paths key said "none" explicitly (`[]`, `-`, `none`). */
  noneListed: boolean;
}

export function scanStatus(text: string): StatusScan {
  const structure = scanStructure(text);
  const { tl, hidden, visible } = structure;
  const lines = tl.lines;
  const tables: TableInfo[] = [];
  const records: LockRecord[] = [];
  const locks: ScanLock[] = [];
  const reviews: ScanReview[] = [];
  const problems: StatusProblem[] = [];

  const problem = (i: number, message: string) => {
    problems.push({ line: i + 1, message, text: lines[i].length > 300 ? lines[i].slice(0, 300) + '…' : lines[i] });
  };

  const emit = (record: LockRecord, region: ListRegion, f: LockFields & { agent: string }) => {
    if (records[records.length - 1] !== record) records.push(record);
    const segments = region.list.segments;
    for (let k = 0; k < segments.length; k++) {
      const seg = segments[k];
      if (seg.path === null) continue;
      const lock: Lock = { path: seg.path, agent: f.agent, line: region.line + 1 };
      if (f.task) lock.task = f.task;
      if (f.since) lock.since = f.since;
      if (f.expires) lock.expires = f.expires;
      if (f.note) lock.note = f.note;
      locks.push({ lock, record, region, segment: k });
    }
  };

  structure.sections.forEach((sec, sectionIndex) => {
    const kind = sec.kind;
    if (kind === 'log' || kind === 'released' || kind === 'other') return;
    const active = kind === 'active';
    let table: TableInfo | null = null;
    let block: Block | null = null;
    const headingText = sec.heading >= 0 ? structure.headings[sec.heading].text : '';
    const headingTask = /^(?:[A-Z][A-Z0-9]*-[A-Z0-9-]*\d[A-Z0-9-]*|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|#\d+)(?=\s|$)/.exec(headingText)?.[0];

    const endBlock = () => {
      const b = block;
      block = null;
      if (!b) return;
      const hasPaths = b.regions.some((r) => r.list.segments.some((s) => s.path !== null));
      if (!active && !b.distinctive) return;
      if (b.status === 'inactive') return;
      if (hasPaths && b.agent) {
        // `## T-42 Checkout flow` over an entry names its task.
        if (!b.fields.task && headingTask) b.fields.task = headingTask;
        const record: LockRecord = { kind: 'block', start: b.start, end: b.end, regions: b.regions };
        for (const region of b.regions) emit(record, region, { ...b.fields, agent: b.agent });
      } else if (active && hasPaths) {
        problem(b.start, 'lock entry names files but no agent; add `LOCKED_BY: <agent>` (or ' + ROW_HINT + ')');
      } else if (active && b.agent && b.distinctive && !b.noneListed) {
        problem(b.start, 'lock entry names an agent but no files; add `LOCKED_FILES: <path>, <path>`');
      }
    };

    const startTable = (header: number, separator: number, raw: string) => {
      const cells = splitRow(raw).map((c) => c.text);
      const lockRoles = mapLockColumns(cells);
      const reviewRoles = mapReviewColumns(cells);
      const trimmed = raw.trim();
      table = {
        header,
        separator,
        last: separator >= 0 ? separator : header,
        rows: [],
        kind,
        lockRoles,
        reviewRoles,
        lockTable: kind !== 'reviews' && lockRoles.includes('path') && lockRoles.includes('agent'),
        reviewTable: kind === 'reviews' && reviewRoles.includes('path') && reviewRoles.includes('state'),
        backticks: false,
        indent: /^\s*/.exec(raw)![0],
        leadingPipe: trimmed.startsWith('|'),
        trailingPipe: trimmed.endsWith('|') && !trimmed.endsWith('\\|'),
        section: sectionIndex,
        col: {
          path: lockRoles.indexOf('path'),
          agent: lockRoles.indexOf('agent'),
          since: lockRoles.indexOf('since'),
          sinceTime: lockRoles.indexOf('sinceTime'),
          expires: lockRoles.indexOf('expires'),
          task: lockRoles.indexOf('task'),
          note: lockRoles.indexOf('note'),
          status: lockRoles.indexOf('status'),
        },
      };
      tables.push(table);
    };

    for (let i = sec.start; i < sec.end; i++) {
      if (hidden[i]) {
        // A code fence ends a table; a comment between rows does not.
        if (hidden[i] !== HIDDEN_COMMENT) {
          table = null;
          endBlock();
        }
        continue;
      }
      const raw = visible.get(i) ?? lines[i];
      const trimmed = raw.trim();
      if (!trimmed) {
        table = null;
        endBlock();
        continue;
      }
      if (raw.length > MAX_LINE) {
        table = null;
        endBlock();
        if (active) problem(i, 'line too long to read as a lock');
        continue;
      }
      if (trimmed.startsWith('>')) {
        table = null;
        endBlock();
        continue;
      }

      // ---------------------------------------------------------------- tables
      if (table && raw.includes('|')) {
        tableRow(table, i, raw);
        continue;
      }
      table = null;
      if (raw.includes('|') && !block) {
        if (i + 1 < sec.end && !hidden[i + 1] && isSeparatorRow(lines[i + 1]) && !isSeparatorRow(raw)) {
          startTable(i, i + 1, raw);
          i++;
          continue;
        }
        if (trimmed.startsWith('|')) {
          if (isSeparatorRow(raw)) continue;
          const roles = mapLockColumns(splitRow(raw).map((c) => c.text));
          // A header row whose separator is missing: still a lock table in a lock section.
          if (active && roles.includes('path') && (roles.includes('agent') || roles.includes('status'))) {
            startTable(i, -1, raw);
            continue;
          }
          if (active && !splitRow(raw).every((c) => isPlaceholder(c.text))) {
            problem(i, 'table row without a header row; start the table with `| Path | Agent | Task | Since | Expires | Note |` and `| --- | --- | --- | --- | --- | --- |`');
          }
          continue;
        }
      }
      if (kind === 'reviews') continue;

      // ---------------------------------------------------------------- key: value blocks
      const kv = KV.exec(raw);
      const key = kv ? kv[3].trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
      const role = kv ? KEY_ROLES[key] : undefined;
      if (kv && role) {
        // A key seen again starts the next entry (`- agent_id: b` after `- agent_id: a`).
        if (block && (block as Block).seen.has(role)) endBlock();
        const b: Block = block ?? { start: i, end: i, seen: new Set(), distinctive: false, fields: {}, status: 'empty', regions: [], listIndent: -1, noneListed: false };
        block = b;
        b.end = i;
        b.seen.add(role);
        if (DISTINCTIVE.has(key)) b.distinctive = true;
        const value = kv[4] ?? '';
        b.listIndent = -1;
        if (role === 'paths') {
          if (!value.trim()) b.listIndent = kv[1].length;
          else if (isPlaceholder(value) || /^\[\s*\]$/.test(value.trim())) b.noneListed = true;
          else {
            let start = raw.length - value.length;
            let end = raw.length;
            while (end > start && /\s/.test(raw[end - 1])) end--;
            // A YAML flow list: `[a, b]` (its brackets, not a Next.js segment's).
            if (raw[start] === '[' && raw[end - 1] === ']' && matchingBracket(raw, start) === end - 1) {
              start++;
              end--;
            }
            b.regions.push({ line: i, start, end, list: splitPathList(raw.slice(start, end)), itemLine: false });
          }
        } else if (value.trim() && !isPlaceholder(value)) {
          if (role === 'agent') b.agent = normalizeAgent(value);
          else if (role === 'status') b.status = classifyStatus(value);
          else if (role === 'since' || role === 'expires') b.fields[role] = normalizeDate(value);
          else b.fields[role] = value.trim().replace(/^[`*_"']+|[`*_"']+$/g, '');
        }
        continue;
      }
      if (block) {
        const b = block as Block;
        // Keys orch does not use (`role:`, `last_seen:`) belong to the entry; they do not end it.
        if (kv && !BULLET.test(raw)) {
          b.end = i;
          b.listIndent = -1;
          continue;
        }
        const item = BULLET.exec(raw);
        if (item && b.listIndent >= 0 && item[1].length >= b.listIndent && !/^\d/.test(item[2])) {
          const start = item[0].length;
          let end = raw.length;
          while (end > start && /\s/.test(raw[end - 1])) end--;
          b.regions.push({ line: i, start, end, list: splitPathList(raw.slice(start, end)), itemLine: true });
          b.end = i;
          continue;
        }
        endBlock();
      }

      // ---------------------------------------------------------------- LOCK [path] [agent] [timestamp]
      const ll = LOCK_LINE.exec(raw);
      if (ll) {
        lockLine(i, raw, ll[2] === 'UNLOCK', ll[0].length);
        continue;
      }
      if (!active) continue;

      // ---------------------------------------------------------------- bullets, arrows, bare lines
      freeLine(i, raw);
    }
    endBlock();

    function tableRow(t: TableInfo, i: number, raw: string) {
      t.rows.push(i);
      t.last = i;
      if (isSeparatorRow(raw)) return;
      const cells = splitRow(raw);
      if (t.kind === 'reviews') return reviewRow(t, i, raw, cells);
      const col = t.col;
      const pathCell = col.path >= 0 ? cells[col.path] : undefined;
      if (pathCell && pathCell.text.includes('`')) t.backticks = true;
      const blank = cells.map((c) => isPlaceholder(c.text));
      if (!blank.includes(false)) return;
      const statusCell = col.status >= 0 ? cells[col.status] : undefined;
      const status = statusCell ? classifyStatus(statusCell.text) : 'empty';
      if (status === 'inactive') return;
      if (!active && !(status === 'locked' && t.lockTable)) return;
      if (col.path < 0) {
        if (col.agent >= 0 || statusCell) {
          problem(i, 'this lock table has no path column (File, Path, Resource…); ' + ROW_HINT);
        }
        return;
      }
      if (!pathCell) return problem(i, 'row has fewer cells than its header; ' + ROW_HINT);
      const list = splitPathList(raw.slice(pathCell.start, pathCell.end));
      const text = (k: number) => (k >= 0 && k < cells.length && !blank[k] ? cells[k].text : '');
      const agentText = text(col.agent);
      const agent = agentText ? normalizeAgent(agentText) : '';
      if (!list.segments.some((s) => s.path !== null)) {
        if (agent) problem(i, 'lock row has no path; ' + ROW_HINT);
        return;
      }
      if (!agent) {
        problem(i, col.agent >= 0 ? 'lock row has no agent; put the holder in its agent column' : 'lock table has no agent column (Agent, Locked By, Owner…); ' + ROW_HINT);
        return;
      }
      const f: LockFields & { agent: string } = { agent };
      const since = text(col.since);
      const time = text(col.sinceTime);
      if (since) f.since = normalizeDate(time && /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since} ${time}` : since);
      const expires = text(col.expires);
      if (expires) f.expires = normalizeDate(expires);
      const task = text(col.task);
      if (task) f.task = /^[`*_]|[`*_]$/.test(task) ? task.replace(/^[`*_]+|[`*_]+$/g, '').trim() : task;
      const note = text(col.note);
      if (note) f.note = note;
      const region: ListRegion = { line: i, start: pathCell.start, end: pathCell.end, list, itemLine: false };
      emit({ kind: 'row', start: i, end: i, regions: [region] }, region, f);
    }

    function reviewRow(t: TableInfo, i: number, raw: string, cells: RowCell[]) {
      if (!t.reviewTable) return;
      const at = (role: ReviewRole) => {
        const k = t.reviewRoles.indexOf(role);
        const c = k >= 0 ? cells[k] : undefined;
        return c && !isPlaceholder(c.text) ? c.text : '';
      };
      const pathCell = cells[t.reviewRoles.indexOf('path')];
      if (!pathCell) return;
      if (pathCell.text.includes('`')) t.backticks = true;
      const stateText = at('state');
      const state = reviewState(stateText);
      if (!state) return;
      const list = splitPathList(raw.slice(pathCell.start, pathCell.end));
      const region: ListRegion = { line: i, start: pathCell.start, end: pathCell.end, list, itemLine: false };
      const requestedBy = normalizeAgent(at('requestedBy'));
      const reviewer = normalizeAgent(at('reviewer'));
      const when = at('at');
      const blob = blobOf(at('blob')) ?? (state === 'approved' ? blobOf(stateText) : undefined);
      list.segments.forEach((seg, k) => {
        if (seg.path === null) return;
        const review: Review = { path: seg.path.replace(/\\\|/g, '|'), requestedBy, reviewer, state, line: i + 1 };
        if (when) review.at = normalizeDate(when);
        if (blob) review.blob = blob;
        reviews.push({ review, table: t, line: i, cells, region, segment: k });
      });
    }

    function lockLine(i: number, raw: string, unlock: boolean, argsAt: number) {
      const args = lockArgs(raw, argsAt);
      const pathArg = args[0];
      const agentArg = args[1];
      if (!pathArg) {
        if (active) problem(i, 'LOCK line without a path; write `LOCK [path] [agent] [timestamp]`');
        return;
      }
      const list = splitPathList(raw.slice(pathArg.start, pathArg.end));
      const agent = agentArg ? normalizeAgent(agentArg.text) : '';
      if (unlock) {
        // An append-only lock journal: UNLOCK releases the LOCK lines before it.
        const paths = new Set(list.segments.map((s) => s.path).filter((p) => p !== null));
        for (let k = locks.length - 1; k >= 0; k--) {
          const l = locks[k];
          if (l.record.kind !== 'line' || !paths.has(l.lock.path)) continue;
          if (agent && l.lock.agent.toLowerCase() !== agent.toLowerCase()) continue;
          locks.splice(k, 1);
        }
        return;
      }
      if (!list.segments.some((s) => s.path !== null)) {
        if (active) problem(i, 'LOCK line without a path; write `LOCK [path] [agent] [timestamp]`');
        return;
      }
      if (!agent || isPlaceholder(agent)) {
        if (active) problem(i, 'LOCK line without an agent; write `LOCK [path] [agent] [timestamp]`');
        return;
      }
      const rest = args.slice(2);
      const fields = parseFields(rest.map((a) => a.text).join(rest.some((a) => a.bracket) ? ' | ' : ' '), { agentKnown: true });
      if (fields.status === 'inactive') return;
      const region: ListRegion = { line: i, start: pathArg.start, end: pathArg.end, list, itemLine: false };
      emit({ kind: 'line', start: i, end: i, regions: [region] }, region, { ...fields, agent });
    }

    function freeLine(i: number, raw: string) {
      const bullet = BULLET.exec(raw);
      let pos = bullet ? bullet[0].length : /^\s*/.exec(raw)![0].length;
      let status: StatusClass = 'empty';
      const box = /^\[([ xX])\]\s+/.exec(raw.slice(pos));
      if (box) {
        if (box[1] !== ' ') status = 'inactive';
        pos += box[0].length;
      }
      const emoji = /^[\p{Extended_Pictographic}\uFE0F\u200D]+\s*/u.exec(raw.slice(pos));
      if (emoji) {
        const st = classifyStatus(emoji[0]);
        if (st !== 'unknown' && st !== 'empty' && status !== 'inactive') status = st;
        pos += emoji[0].length;
      }
      const content = raw.slice(pos);
      if (isPlaceholder(content)) return;

      // `path/` - Agent Name - 2026-01-18 - task
      const group = pathGroup(content);
      if (group) {
        const fields = parseFields(content.slice(group.end));
        if (status === 'inactive' || fields.status === 'inactive') return;
        if (!fields.agent) return problem(i, 'lock line has no agent; write it as `- `path` - agent - date - task` or ' + ROW_HINT);
        const region: ListRegion = { line: i, start: pos, end: pos + group.end, list: splitPathList(content.slice(0, group.end)), itemLine: false };
        return emit({ kind: 'line', start: i, end: i, regions: [region] }, region, { ...fields, agent: fields.agent });
      }

      // agent -> path, path
      const arrow = /\s*(->|→|=>|⟶)\s*/.exec(content);
      if (arrow && arrow.index > 0) {
        const agent = normalizeAgent(content.slice(0, arrow.index));
        const rightAt = arrow.index + arrow[0].length;
        const right = content.slice(rightAt);
        const g = agent && agent.length <= 60 && !isPathLike(agent) ? pathGroup(right) : null;
        if (g) {
          const fields = parseFields(right.slice(g.end), { agentKnown: true });
          if (status === 'inactive' || fields.status === 'inactive') return;
          const start = pos + rightAt;
          const region: ListRegion = { line: i, start, end: start + g.end, list: splitPathList(right.slice(0, g.end)), itemLine: false };
          return emit({ kind: 'line', start: i, end: i, regions: [region] }, region, { ...fields, agent });
        }
      }

      // agent: path, path
      const colon = /^(@?[\w.-]+|\*\*[^*]{1,60}\*\*|`[^`]{1,60}`)\s*:\s+/.exec(content);
      if (colon) {
        const agent = normalizeAgent(colon[1]);
        const right = content.slice(colon[0].length);
        const g = agent && !NOT_AGENTS.has(agent.toLowerCase()) && !isPathLike(agent) ? pathGroup(right) : null;
        if (g) {
          const fields = parseFields(right.slice(g.end), { agentKnown: true });
          if (status === 'inactive' || fields.status === 'inactive') return;
          const start = pos + colon[0].length;
          const region: ListRegion = { line: i, start, end: start + g.end, list: splitPathList(right.slice(0, g.end)), itemLine: false };
          return emit({ kind: 'line', start: i, end: i, regions: [region] }, region, { ...fields, agent });
        }
      }

      // Anything else is prose unless it names a path and does not read like a sentence.
      if (status === 'inactive' || !mentionsPath(content)) return;
      const words = content.trim().split(/\s+/).length;
      if (words > 14 || (words >= 4 && /[.!?:]$/.test(content.trim()))) return;
      problem(i, 'could not read this line as a lock; ' + ROW_HINT);
    }
  });

  if (structure.unclosedFence >= 0) reportUnclosedFence(structure, problems);
  problems.sort((a, b) => a.line - b.line);
  return { structure, tables, records, locks, reviews, problems };
}

/** The path group a bullet or line starts with: backticked paths, a bold or linked path, or bare path tokens. */
function pathGroup(s: string): { end: number } | null {
  if (s.startsWith('`')) {
    const firstClose = s.indexOf('`', 1);
    if (firstClose < 0 || !isPathLike(s.slice(1, firstClose), true)) return null;
    let end = firstClose + 1;
    for (;;) {
      const m = /^\s*(?:,|;|\band\b|&|\+|<br\s*\/?>)?\s*`/i.exec(s.slice(end, end + 40));
      if (!m) break;
      const close = s.indexOf('`', end + m[0].length);
      if (close < 0) break;
      end = close + 1;
    }
    return { end };
  }
  if (s.startsWith('**') || s.startsWith('__')) {
    const close = s.indexOf(s.slice(0, 2), 2);
    if (close > 2 && isPathLike(s.slice(2, close))) return { end: close + 2 };
    return null;
  }
  if (s.startsWith('[')) {
    const link = /^\[([^\]]{1,300})\]\([^)\s]*\)/.exec(s);
    if (link) return isPathLike(link[1]) ? { end: link[0].length } : null;
  }
  const tok = /^[^\s,;]+/.exec(s);
  if (!tok || !isPathLike(tok[0])) return null;
  let end = tok[0].length;
  for (;;) {
    const m = /^\s*[,;]\s*([^\s,;]+)/.exec(s.slice(end, end + 400));
    if (!m || !isPathLike(m[1])) break;
    end += m[0].length;
  }
  // "Node.js agents will…" is a sentence; "src/api/ claude" and "app.ts - claude" are locks.
  const after = s.slice(end);
  if (after.trim() && !isStrongPath(tok[0]) && !/^\s*([-–—|:(→]|->|=>|by\b|locked\b|until\b|since\b|@)/i.test(after)) return null;
  return { end };
}

function mentionsPath(s: string): boolean {
  for (const m of s.matchAll(/`([^`]{1,300})`/g)) if (isPathLike(m[1], true)) return true;
  return s.split(/\s+/).some((w) => isStrongPath(w.replace(/^[(\["']+|[)\]"',.;:]+$/g, '')));
}

/** Arguments of a LOCK line: `[bracketed]` (brackets may nest: `[app/[id]/page.tsx]`), `backticked` or bare words. */
function lockArgs(raw: string, from: number): Array<{ start: number; end: number; text: string; bracket: boolean }> {
  const args: Array<{ start: number; end: number; text: string; bracket: boolean }> = [];
  let i = from;
  while (i < raw.length && args.length < 12) {
    while (i < raw.length && /\s/.test(raw[i])) i++;
    if (i >= raw.length) break;
    if (raw[i] === '[') {
      const close = matchingBracket(raw, i);
      if (close > i) {
        args.push({ start: i + 1, end: close, text: raw.slice(i + 1, close), bracket: true });
        i = close + 1;
        continue;
      }
    }
    if (raw[i] === '`') {
      const close = raw.indexOf('`', i + 1);
      if (close > i) {
        args.push({ start: i, end: close + 1, text: raw.slice(i + 1, close), bracket: true });
        i = close + 1;
        continue;
      }
    }
    let j = i;
    while (j < raw.length && !/\s/.test(raw[j])) j++;
    args.push({ start: i, end: j, text: raw.slice(i, j), bracket: false });
    i = j;
  }
  return args;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
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

