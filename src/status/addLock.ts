import { needsQuotes, quotePath } from './quotePath.js';
import { applyEdits, insertAfterLine } from './applyEdits.js';
import { LOCKED_STATUS, LOCKS_HEADING, LOCK_HEADER, LOCK_SEPARATOR } from './canonical.js';
import type { LockRole } from './mapColumns.js';
import { placeTable } from './placeTable.js';
import { renderCells } from './renderCells.js';
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
 * table's own column order; creates the canonical `## Locks` table when there is none.
 * Every other byte of the text stays as it was.
 */
export function addLock(text: string, lock: NewLock): string {
  const scan = scanStatus(text);
  const table = scan.tables.find((t) => t.kind === 'active' && t.lockTable);
  if (table) return applyEdits(text, [insertAfterLine(scan.structure.tl, table.last, [renderLockRow(table, lock)])]);
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
