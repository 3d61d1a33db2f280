import { needsQuotes, quotePath } from './quotePath.js';
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
  const row = renderCells([pathCell(lock.path, false), lock.agent, lock.task, lock.since, lock.expires, lock.note], '', true, true);
  return applyEdits(text, [placeTable(scan, 'active', LOCKS_HEADING, [LOCK_HEADER, LOCK_SEPARATOR, row], ['reviews', 'log'])]);
}

function pathCell(path: string, backticks: boolean): string {
  if (needsQuotes(path)) return quotePath(path);
  // A path with a list separator in it would read back as several paths.
  const quote = (backticks || /[,;]|<br/i.test(path)) && !path.includes('`');
  return quote ? '`' + path + '`' : path;
}

export function renderLockRow(table: TableInfo, lock: NewLock): string {
  const value = (role: LockRole | null): string | undefined => {
    switch (role) {
      case 'path':
        return pathCell(lock.path, table.backticks);
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
