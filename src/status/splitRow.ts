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
  const pipes: number[] = [];
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) {
    if (i > 0 && line.charCodeAt(i - 1) === 92) continue;
    pipes.push(i);
  }
  let first = 0;
  while (first < line.length && (line[first] === ' ' || line[first] === '\t')) first++;
  let last = line.length;
  while (last > first && (line[last - 1] === ' ' || line[last - 1] === '\t')) last--;
  const bounds: number[] = [];
  if (pipes[0] !== first) bounds.push(first - 1);
  bounds.push(...pipes);
  if (pipes[pipes.length - 1] !== last - 1 || pipes.length === 0) bounds.push(last);
  const cells: RowCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] + 1;
    const end = bounds[k + 1];
    const raw = line.slice(start, end);
    cells.push({ start, end, text: (raw.includes('\\|') ? raw.replace(/\\\|/g, '|') : raw).trim() });
  }
  return cells;
}

/** `| --- | :---: |`: every cell is dashes with optional colons, and there is at least one pipe. */
export function isSeparatorRow(line: string): boolean {
  if (!/^[\s|:-]+$/.test(line) || !line.includes('|') || !line.includes('-')) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.text));
}
