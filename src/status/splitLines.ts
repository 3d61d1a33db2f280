import { detectEol } from '../text/detectEol.js';

export interface TextLines {
  /** Lines without their line ending (a CR before the LF is dropped). */
  lines: string[];
  /** Offset in the text where each line starts; edits splice the text at these offsets. */
  starts: number[];
  eol: '\n' | '\r\n';
  /** Whether the text ends with a line ending (an empty text counts as ending with one). */
  finalEol: boolean;
  /** Length of the text the lines came from. */
  length: number;
}

export function splitLines(text: string): TextLines {
  const lines = text.length === 0 ? [] : text.split('\n');
  const endsWithEol = text.endsWith('\n');
  if (endsWithEol) lines.pop();
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    const line = lines[i];
    offset += line.length + 1;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return { lines, starts, eol: detectEol(text), finalEol: text.length === 0 || endsWithEol, length: text.length };
}

/** Offset just past line `i` including its line ending (the text's end for a last line without one). */
export function lineEnd(tl: TextLines, i: number): number {
  return i + 1 < tl.starts.length ? tl.starts[i + 1] : tl.length;
}
