import { lineEnd, type TextLines } from './splitLines.js';

/** Replace text[start, end) with `insert`. Edits never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Applies edits from the last to the first, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}

/** New lines after line `i` (0-based); after the last line of a file without a final newline, the file still ends without one. */
export function insertAfterLine(tl: TextLines, i: number, lines: string[]): TextEdit {
  if (i < 0) return insertBeforeLine(tl, 0, lines);
  if (i === tl.lines.length - 1 && !tl.finalEol) {
    return { start: tl.length, end: tl.length, insert: tl.eol + lines.join(tl.eol) };
  }
  const at = lineEnd(tl, i);
  return { start: at, end: at, insert: lines.map((l) => l + tl.eol).join('') };
}

/** New lines before line `i` (or at the end when `i` is past the last line). */
export function insertBeforeLine(tl: TextLines, i: number, lines: string[]): TextEdit {
  if (i >= tl.lines.length) return appendLines(tl, lines);
  const at = tl.starts[i];
  return { start: at, end: at, insert: lines.map((l) => l + tl.eol).join('') };
}

/** Lines at the end of the text, keeping whether it ends with a newline. */
export function appendLines(tl: TextLines, lines: string[]): TextEdit {
  if (tl.lines.length === 0) return { start: tl.length, end: tl.length, insert: lines.map((l) => l + tl.eol).join('') };
  if (tl.finalEol) return { start: tl.length, end: tl.length, insert: lines.map((l) => l + tl.eol).join('') };
  return { start: tl.length, end: tl.length, insert: tl.eol + lines.join(tl.eol) };
}

/**
 * Deletes lines first..last (0-based, inclusive) with their line ending. When they end a file
 * that has no final newline, the line ending before them goes instead, so the file still ends
 * without one: insertAfterLine then deleteLines gives back the original bytes.
 */
export function deleteLines(tl: TextLines, first: number, last: number): TextEdit {
  const end = lineEnd(tl, last);
  if (last === tl.lines.length - 1 && !tl.finalEol && first > 0) {
    // From the end of the previous line's text: its line ending goes with the deleted lines.
    return { start: tl.starts[first - 1] + tl.lines[first - 1].length, end, insert: '' };
  }
  return { start: tl.starts[first], end, insert: '' };
}

/** Replace characters [from, to) of line `i`. */
export function replaceInLine(tl: TextLines, i: number, from: number, to: number, insert: string): TextEdit {
  return { start: tl.starts[i] + from, end: tl.starts[i] + to, insert };
}
