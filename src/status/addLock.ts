import { OrchError } from '../errors.js';
import { pathCell } from './pathCell.js';
import { normalizeDate } from './normalizeDate.js';
import { applyEdits, insertAfterLine } from './applyEdits.js';
import { LOCKED_STATUS, LOCKS_HEADING, LOCK_HEADER, LOCK_SEPARATOR } from './canonical.js';
import type { LockRole } from './mapColumns.js';
import { placeTable } from './placeTable.js';
import { renderCells } from './renderCells.js';
import { readStatus } from './readStatus.js';
import { scanStatus, type TableInfo } from './scanStatus.js';

export interface NewLock {
  path: string;
  agent: string;
  task?: string;
  since: string;
  expires?: string;
  note?: string;
}

/**
 * Adds one lock row after the last row of the first lock table under a lock heading, in that
 * table's own column order; creates the canonical `## Locks` table when there is none (or
 * when nothing written into the table would be visible). Every other byte of the text
 * stays as it was.
 */
export function addLock(text: string, lock: NewLock): string {
  const out = placeLock(text, lock);
  assertReadsBack(text, out, lock);
  return out;
}

function placeLock(text: string, lock: NewLock): string {
  const scan = scanStatus(text);
  const table = scan.tables.find((t) => t.kind === 'active' && t.lockTable);
  if (table) {
    const row = [renderLockRow(table, lock)];
    // After the last row — unless an HTML comment or a fence opened in a row and never
    // closed would hide the new one there: then after the last line of the table that
    // leaves nothing open (the read-back is the judge: it is what every check will see).
    for (let at = table.last; at >= table.separator; at--) {
      const out = applyEdits(text, [insertAfterLine(scan.structure.tl, at, row)]);
      // a visible row without "<!--" ends as visible as it starts: the common case, unread
      if (at === table.last && !scan.structure.tl.lines[at].includes('<!--')) return out;
      if (readStatus(out).locks.some((l) => l.agent === lock.agent && l.path === lock.path)) return out;
    }
  }
  const row = renderCells(
    [cellFor(lock.path, false), lock.agent, lock.task, lock.since, lock.expires, lock.note],
    '',
    true,
    true,
  );
  return applyEdits(text, [
    placeTable(scan, 'active', LOCKS_HEADING, [LOCK_HEADER, LOCK_SEPARATOR, row], ['reviews', 'log']),
  ]);
}

function cellFor(path: string, backticks: boolean): string {
  const cell = pathCell(path, backticks);
  if (cell === null) throw unwritable(path, 'no way of writing it in a table cell reads back as that path');
  return cell;
}

function unwritable(path: string, why: string): OrchError {
  return new OrchError(`cannot lock ${JSON.stringify(path)}: ${why}.`, {
    hint: 'Nothing was written. Lock the directory that holds it (dir/) or a glob that covers it.',
  });
}

/**
 * Every lock the text had is still read, and the new one is read exactly as given: what
 * orch writes, orch reads back (a path or note that would hide rows or read as something
 * else is refused before anything is written).
 */
function assertReadsBack(before: string, after: string, lock: NewLock): void {
  const key = (l: { path: string; agent: string }) => `${l.path}\0${l.agent}`;
  const was = readStatus(before).locks.map(key);
  const now = readStatus(after).locks;
  const mine = now.filter((l) => l.path === lock.path && l.agent === lock.agent);
  // Times read back in their normal form; a table without a column for a field reads none.
  const time = (v: string | undefined) => (v ? normalizeDate(v) : '');
  const same = (read: string, wrote: string) => read === '' || read === wrote;
  const exact = mine.some(
    (l) =>
      same(l.task ?? '', lock.task ?? '') &&
      same(time(l.since), time(lock.since)) &&
      same(time(l.expires), time(lock.expires)) &&
      same(l.note ?? '', lock.note ?? ''),
  );
  if (!exact) throw unwritable(lock.path, 'the row orch would write does not read back as this lock for ' + lock.agent);
  const left = new Map<string, number>();
  for (const k of now.map(key)) left.set(k, (left.get(k) ?? 0) + 1);
  for (const k of [...was, key(lock)]) {
    const n = left.get(k) ?? 0;
    if (n === 0) throw unwritable(lock.path, 'writing it would change how other lines of the status file read');
    left.set(k, n - 1);
  }
}

export function renderLockRow(table: TableInfo, lock: NewLock): string {
  const value = (role: LockRole | null): string | undefined => {
    switch (role) {
      case 'path':
        return cellFor(lock.path, table.backticks);
      case 'agent':
        return lock.agent;
      case 'task':
        return lock.task;
      case 'since':
        return lock.since;
      case 'expires':
        return lock.expires;
      case 'note':
        return lock.note;
      case 'status':
        return LOCKED_STATUS;
      default:
        return undefined;
    }
  };
  return renderCells(table.lockRoles.map(value), table.indent, table.leadingPipe, table.trailingPipe);
}
