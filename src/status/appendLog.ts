import { appendLines, applyEdits, insertAfterLine } from './applyEdits.js';
import { LOG_HEADING } from './canonical.js';
import { scanStructure, sectionEnd } from './scanStructure.js';

/**
 * Appends entries at the end of the Log section (after its last non-blank line, before the next
 * heading of the same or a higher level); creates `## Log` at the end when there is none.
 * Only headings, fences and comments are looked at: the entries themselves are never parsed.
 */
export function appendLog(text: string, entries: string[]): string {
  if (entries.length === 0) return text;
  const lines = entries.map((e) => {
    const one = e.replace(/\r?\n|\r/g, ' ');
    return /^\s*[-*] /.test(one) ? one : `- ${one}`;
  });
  const s = scanStructure(text);
  const k = s.headings.findIndex((h) => h.own === 'log');
  if (k < 0) {
    const n = s.tl.lines.length;
    const lead = n === 0 || s.tl.lines[n - 1].trim() === '' ? [] : [''];
    const close = s.openAtEnd ? [s.openAtEnd, ''] : [];
    return applyEdits(text, [appendLines(s.tl, [...lead, ...close, LOG_HEADING, '', ...lines])]);
  }
  const heading = s.headings[k].line;
  const end = sectionEnd(s, k);
  let last = heading;
  for (let i = end - 1; i > heading; i--) {
    if (s.tl.lines[i].trim() !== '') {
      last = i;
      break;
    }
  }
  // A fence or comment the Log leaves open at the end of the file would swallow the entries.
  const close = end === s.tl.lines.length && s.openAtEnd ? [s.openAtEnd] : [];
  return applyEdits(text, [
    insertAfterLine(s.tl, last, last === heading ? ['', ...close, ...lines] : [...close, ...lines]),
  ]);
}
