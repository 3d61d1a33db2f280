import { escapeCell } from './escapeCell.js';

/** One table row in the table's own style: its indentation and whether it writes outer pipes. */
export function renderCells(
  values: Array<string | undefined>,
  indent: string,
  leadingPipe: boolean,
  trailingPipe: boolean,
): string {
  const body = values.map(escapeCell).join(' | ');
  return indent + (leadingPipe ? '| ' : '') + body + (trailingPipe ? ' |' : '');
}
