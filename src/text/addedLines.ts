// The lines a change adds, so line-based rules judge only what the committer wrote and
// not what was already there. Myers' O((N+M)·D) diff after trimming the common prefix
// and suffix: an append to a 10,000-line file costs one pass over it. When the edit
// distance passes a budget (a rewritten or generated file) an exact diff stops paying
// for itself; the fallback counts a new line as added when the old side has no unused
// copy of it, which never reports a line that was already there.

export interface AddedLine {
  /** 1-based line number on the new side. */
  line: number;
  /** The line without its line ending. */
  text: string;
}

export interface AddedLinesOptions {
  /** Compare lines ignoring leading, trailing and repeated whitespace (a re-indented line is not added). */
  ignoreWhitespace?: boolean;
  /** Edit-distance budget for the exact diff; beyond it the multiset fallback is used. */
  maxEdits?: number;
}

const DEFAULT_MAX_EDITS = 1000;

function splitLines(text: string | null): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

export function addedLines(
  oldText: string | null,
  newText: string | null,
  options: AddedLinesOptions = {},
): AddedLine[] {
  const newLines = splitLines(newText);
  if (newLines.length === 0) return [];
  const oldLines = splitLines(oldText);
  if (oldLines.length === 0) return newLines.map((text, i) => ({ line: i + 1, text }));

  // Lines become small integers so the diff compares numbers, not strings.
  const ids = new Map<string, number>();
  const norm = options.ignoreWhitespace ? (s: string) => s.trim().replace(/\s+/g, ' ') : (s: string) => s;
  const toIds = (lines: string[]) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const key = norm(lines[i]);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const a = toIds(oldLines);
  const b = toIds(newLines);

  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const added: number[] = [];
  if (endB > start) {
    if (endA === start) {
      for (let j = start; j < endB; j++) added.push(j);
    } else {
      const am = a.subarray(start, endA);
      const bm = b.subarray(start, endB);
      const inserted = myersInsertions(am, bm, options.maxEdits ?? DEFAULT_MAX_EDITS) ?? multisetInsertions(am, bm);
      for (const j of inserted) added.push(start + j);
    }
  }
  return added.map((j) => ({ line: j + 1, text: newLines[j] }));
}

/** Indices of `b` inserted by a shortest edit script from `a` to `b`; null past the budget. */
function myersInsertions(a: Int32Array, b: Int32Array, maxEdits: number): number[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds V for diagonals -d..d after round d, indexed k + d
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        found = d;
        break outer;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;

  const inserted: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    if (down) inserted.push(prevY);
    x = prevX;
    y = prevY;
  }
  return inserted.reverse();
}

/** Lines of `b` for which `a` has no unused identical line. */
function multisetInsertions(a: Int32Array, b: Int32Array): number[] {
  const count = new Map<number, number>();
  for (const id of a) count.set(id, (count.get(id) ?? 0) + 1);
  const inserted: number[] = [];
  for (let j = 0; j < b.length; j++) {
    const c = count.get(b[j]) ?? 0;
    if (c > 0) count.set(b[j], c - 1);
    else inserted.push(j);
  }
  return inserted;
}
