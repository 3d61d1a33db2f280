export interface RowCell {
  /** Offsets in the line of the cell's raw content (between its pipes, untrimmed). */
  start: number;
  end: number;
  /** Trimmed, with `\|` turned back into `|`. */
  text: string;
}

/**
 * A table row's cells. Pipes escaped as `\|` stay inside the cell (GFM splits on them even in
 * code spans, so writers escape them). Leading and trailing pipes are optional.
 */
export function splitRow(line: string): RowCell[] {
  let first = 0;
  while (first < line.length && isBlank(line.charCodeAt(first))) first++;
  let last = line.length;
  while (last > first && isBlank(line.charCodeAt(last - 1))) last--;
  // Drop the optional outer pipes, then split on the unescaped pipes between them.
  const from = line.charCodeAt(first) === 124 ? first + 1 : first;
  const end = last > from && line.charCodeAt(last - 1) === 124 && line.charCodeAt(last - 2) !== 92 ? last - 1 : last;
  const cells: RowCell[] = [];
  let start = from;
  for (let i = line.indexOf('|', from); i !== -1 && i < end; i = line.indexOf('|', i + 1)) {
    if (line.charCodeAt(i - 1) === 92) continue;
    cells.push(cell(line, start, i));
    start = i + 1;
  }
  cells.push(cell(line, start, end));
  return cells;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function cell(line: string, start: number, end: number): RowCell {
  let a = start;
  let b = end;
  while (a < b && (isBlank(line.charCodeAt(a)) || line.charCodeAt(a) === 160)) a++;
  while (b > a && (isBlank(line.charCodeAt(b - 1)) || line.charCodeAt(b - 1) === 160)) b--;
  let text = line.slice(a, b);
  if (text.includes('\\|')) text = text.replace(/\\\|/g, '|');
  return { start, end, text };
}

/** `| --- | :---: |`: every cell is dashes with optional colons, and there is at least one pipe. */
export function isSeparatorRow(line: string): boolean {
  if (!/^[\s|:-]+$/.test(line) || !line.includes('|') || !line.includes('-')) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.text));
}
