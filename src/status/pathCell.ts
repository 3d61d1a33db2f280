// How orch writes a path so that it reads back as exactly that path (README: "Write only
// what reads back"): as written when that reads back, else in backticks, else in git's C
// quoting ("odd/line\nbreak.txt"). A path none of these carry is refused, never written.
import { escapeCell } from './escapeCell.js';
import { needsQuotes, quotePath, unquotePath } from './quotePath.js';
import { splitPathList } from './splitPathList.js';
import { splitRow } from './splitRow.js';

/** The cell text for `path` (before escapeCell), or null when no form reads back as `path`. */
export function pathCell(path: string, backticks: boolean): string | null {
  if (!path || path.length > 4000) return null;
  const plain = needsQuotes(path) ? [] : backticks ? [ticked(path), path] : [path, ticked(path)];
  // Last, C quoting with `<` as \074: no HTML comment can open inside the cell.
  for (const candidate of [...plain, quotePath(path), quotePath(path, /</)]) {
    if (candidate !== null && !candidate.includes('<!--') && cellReadsBack(candidate, path)) return candidate;
  }
  return null;
}

function ticked(path: string): string | null {
  return path.includes('`') ? null : '`' + path + '`';
}

/** Whether `cell`, written into a table row, is read as the one path `path`. */
export function cellReadsBack(cell: string, path: string): boolean {
  const row = `| ${escapeCell(cell)} | x |`;
  const cells = splitRow(row);
  if (cells.length !== 2) return false;
  const list = splitPathList(row.slice(cells[0].start, cells[0].end));
  return list.segments.length === 1 && list.segments[0].path === path && !list.segments[0].invalid;
}

/**
 * A path as one token of a Log line: as written when it has no space, quote or backtick;
 * in backticks when it has inner spaces only; else C-quoted.
 */
export function logToken(value: string): string {
  if (!value || /^\s|\s$|["`\\\u0000-\u001f\u007f]/.test(value)) return quotePath(value);
  return /\s|[:,]$/.test(value) ? '`' + value + '`' : value;
}

/** The inverse of logToken (also reads `backticked` tokens, which older entries have). */
export function readLogToken(token: string): string {
  if (token.startsWith('"')) return unquotePath(token) ?? token;
  if (token.length >= 2 && token.startsWith('`') && token.endsWith('`')) return token.slice(1, -1);
  return token;
}

/** One Log token: C-quoted, backticked or a run of non-space characters (a regex source). */
export const LOG_TOKEN = '("(?:[^"\\\\]|\\\\.)*"|`[^`]*`|\\S+)';
