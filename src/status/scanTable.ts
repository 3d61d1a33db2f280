// Tables of a status file: lock tables (any column names and order), work tables keyed by
// agent or task whose status column decides whether a row's files are held, and the Reviews
// table.
import type { Review } from '../types.js';
import { classifyStatus } from './classifyStatus.js';
import { isPlaceholder } from './isPlaceholder.js';
import { mapLockColumns, mapReviewColumns, type ReviewRole } from './mapColumns.js';
import { normalizeAgent } from './normalizeAgent.js';
import { normalizeDate } from './normalizeDate.js';
import type { LockFields } from './parseFields.js';
import { readHolder } from './readHolder.js';
import { blobOf, reviewState } from './reviewState.js';
import { emit, problem, ROW_HINT, type SectionScan } from './scanContext.js';
import type { ListRegion, TableInfo } from './scanTypes.js';
import { splitPathList } from './splitPathList.js';
import { isSeparatorRow, splitRow, type RowCell } from './splitRow.js';

export function startTable(sec: SectionScan, header: number, separator: number, raw: string): TableInfo {
  const cells = splitRow(raw).map((c) => c.text);
  const lockRoles = mapLockColumns(cells);
  const reviewRoles = mapReviewColumns(cells);
  const trimmed = raw.trim();
  const kind = sec.kind;
  const table: TableInfo = {
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
    section: sec.index,
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
  // Keyed by agent, task or module rather than by path (a path-first table with a status
  // column is a lock table, read as one), or saying that its files are held.
  const keyed = lockRoles[0] !== 'path' || /locked|claim|held/i.test(cells[table.col.path] ?? '');
  table.workTable =
    kind !== 'reviews' &&
    table.col.path >= 0 &&
    table.col.status >= 0 &&
    (table.col.agent >= 0 || table.col.task >= 0) &&
    keyed;
  sec.ctx.tables.push(table);
  return table;
}

export function tableRow(sec: SectionScan, t: TableInfo, i: number, raw: string): void {
  t.rows.push(i);
  t.last = i;
  if (isSeparatorRow(raw)) return;
  const cells = splitRow(raw);
  if (t.kind === 'reviews') return reviewRow(sec, t, i, raw, cells);
  const { ctx, active } = sec;
  const col = t.col;
  const pathCell = col.path >= 0 ? cells[col.path] : undefined;
  if (pathCell?.text.includes('`')) t.backticks = true;
  const blank = cells.map((c) => isPlaceholder(c.text));
  if (!blank.includes(false)) return;
  const statusCell = col.status >= 0 ? cells[col.status] : undefined;
  const status = statusCell ? classifyStatus(statusCell.text) : 'empty';
  if (status === 'inactive') return;
  // Outside a lock section a row holds its files when its status says so: 🔒 Locked in a
  // lock table, 🟡 In Progress / active in a work table.
  const held = status === 'locked' || (status === 'working' && t.workTable);
  if (!active && !(held && (t.lockTable || t.workTable))) return;
  if (col.path < 0) {
    if (col.agent >= 0 || statusCell)
      problem(ctx, i, 'this lock table has no path column (File, Path, Resource…); ' + ROW_HINT);
    return;
  }
  if (!pathCell) return problem(ctx, i, 'row has fewer cells than its header; ' + ROW_HINT);
  const list = splitPathList(raw.slice(pathCell.start, pathCell.end));
  const text = (k: number) => (k >= 0 && k < cells.length && !blank[k] ? cells[k].text : '');
  const agentText = text(col.agent);
  const agent = agentText ? readHolder(agentText) : null;
  if (!list.segments.some((s) => s.path !== null || s.invalid)) {
    // A work table's `-` says the agent holds no files.
    if (agentText && !t.workTable) problem(ctx, i, 'lock row has no path; ' + ROW_HINT);
    return;
  }
  const f: LockFields = {};
  const since = text(col.since);
  const time = text(col.sinceTime);
  if (since) f.since = normalizeDate(time && /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since} ${time}` : since);
  const expires = text(col.expires);
  if (expires) f.expires = normalizeDate(expires);
  const task = text(col.task);
  if (task) f.task = /^[`*_]|[`*_]$/.test(task) ? task.replace(/^[`*_]+|[`*_]+$/g, '').trim() : task;
  const note = text(col.note);
  if (note) f.note = note;
  const why =
    col.agent < 0
      ? 'this lock table has no agent column (Agent, Locked By, Owner…)'
      : agentText
        ? `the agent cell ${JSON.stringify(agentText)} is not a name`
        : 'this lock row has no agent';
  const region: ListRegion = { line: i, start: pathCell.start, end: pathCell.end, list, itemLine: false };
  emit(ctx, { kind: 'row', start: i, end: i, regions: [region] }, region, f, agent, why);
}

function reviewRow(sec: SectionScan, t: TableInfo, i: number, raw: string, cells: RowCell[]): void {
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
    sec.ctx.reviews.push({ review, table: t, line: i, cells, region, segment: k });
  });
}
