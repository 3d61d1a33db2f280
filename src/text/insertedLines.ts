// Whether a new text is the old one with whole lines inserted at one place — the shape of
// almost every change to the status file (a Log entry, a lock row). Rules that would
// otherwise diff or re-parse the whole file can answer from the inserted lines alone.
// Linear, with native string operations.
import { looksBinary } from './looksBinary.js';
import type { ChangeSet } from '../types.js';

/** The inserted lines, or null when the change is anything else (a removal, a rewrite). */
export function insertedLines(oldText: string, newText: string): string[] | null {
  if (newText.length < oldText.length) return null;
  if (newText === oldText) return [];
  // appended to a file without a final newline: the old last line only gains its "\n"
  if (oldText !== '' && !oldText.endsWith('\n') && newText.startsWith(oldText + '\n')) {
    const tail = newText.slice(oldText.length + 1).split('\n');
    return tail.map((l) => l.replace(/\r$/, '')).filter((l, i) => i < tail.length - 1 || l !== '');
  }
  let p = 0;
  const max = oldText.length;
  // compare in large steps first: the common prefix is usually almost everything
  for (let step = 4096; step >= 1; step >>= 2) {
    while (p + step <= max && oldText.slice(p, p + step) === newText.slice(p, p + step)) p += step;
  }
  // back to the start of the line, so that a change inside a line is never an "insertion"
  p = p === 0 ? 0 : oldText.lastIndexOf('\n', p - 1) + 1;
  const rest = oldText.slice(p);
  if (!newText.endsWith(rest)) return null;
  const inserted = newText.slice(p, newText.length - rest.length);
  if (inserted === '') return [];
  // an insertion that does not end a line (at the very end of a file without a final
  // newline) still counts as whole lines when it starts one
  const lines = inserted.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (rest !== '') return null;
  return lines.map((l) => l.replace(/\r$/, ''));
}

/**
 * insertedLines of two versions as bytes: an append to a file that ends with a newline
 * (the common case) is answered with one memory comparison and only the new bytes
 * decoded; anything else is decoded and compared as text. Null for a binary side.
 */
export function insertedLinesOfBytes(oldBytes: Buffer, newBytes: Buffer): string[] | null {
  if (looksBinary(oldBytes) || looksBinary(newBytes)) return null;
  const tail = appendedBytes(oldBytes, newBytes);
  if (tail) return linesOf(tail);
  return insertedLines(oldBytes.toString('utf8'), newBytes.toString('utf8'));
}

/** What was appended, when the new bytes are the old ones (ending in a newline, or empty) and more. */
export function appendedBytes(oldBytes: Buffer, newBytes: Buffer): Buffer | null {
  const n = oldBytes.length;
  if (newBytes.length < n || (n > 0 && oldBytes[n - 1] !== 0x0a)) return null;
  return oldBytes.equals(newBytes.subarray(0, n)) ? newBytes.subarray(n) : null;
}

/** Whole lines of appended bytes (the last one may lack its newline at the end of a file). */
export function linesOf(tail: Buffer): string[] {
  const lines = tail.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/** insertedLines of a change set that holds its texts anyway (literal or working-tree sides). */
export async function insertedLinesOfTexts(read: ChangeSet['read'], path: string): Promise<string[] | null> {
  const [before, after] = await Promise.all([read(path, 'old'), read(path, 'new')]);
  return before !== null && after !== null ? insertedLines(before, after) : null;
}
