import { appendLines, insertAfterLine, insertBeforeLine, type TextEdit } from './applyEdits.js';
import type { SectionKind } from './scanStructure.js';
import type { StatusScan } from './scanStatus.js';

/**
 * Where a new canonical table goes when the document has none of its kind: into an existing
 * section of that kind that holds nothing yet (after its last line), else as a new section
 * before the first of `before` (Reviews, Log), else at the end.
 */
export function placeTable(
  scan: StatusScan,
  kind: SectionKind,
  heading: string,
  table: string[],
  before: SectionKind[],
): TextEdit {
  const s = scan.structure;
  const { lines } = s.tl;
  const isBlank = (i: number) => i < 0 || i >= lines.length || lines[i].trim() === '';
  const empty = s.sections.find(
    (sec) =>
      sec.kind === kind &&
      sec.heading >= 0 &&
      s.headings[sec.heading].own === kind &&
      !scan.tables.some((t) => t.section === s.sections.indexOf(sec)) &&
      !scan.records.some((r) => r.start >= sec.start && r.start < sec.end) &&
      !labelsSiblings(s, sec.heading),
  );
  if (empty) {
    let last = s.headings[empty.heading].line;
    // After the last visible line: never inside a fence or comment the section may hold.
    for (let i = empty.start; i < empty.end; i++) if (!isBlank(i) && s.hidden[i] === 0) last = i;
    // a comment or fence this section leaves open at the end of the file would hide the
    // table: close it where it ends (the end of the file) and put the table after that
    if (empty.end >= lines.length - 1 && s.openAtEnd) {
      const lead = lines.length === 0 || isBlank(lines.length - 1) ? [] : [''];
      return appendLines(s.tl, [...lead, s.openAtEnd, '', ...table]);
    }
    const block = ['', ...table];
    if (!isBlank(last + 1) && last + 1 < lines.length) block.push('');
    return insertAfterLine(s.tl, last, block);
  }
  const next = s.headings.find((h) => before.includes(h.own as SectionKind) && h.kind === h.own);
  const block = [heading, '', ...table];
  if (next) {
    const lead = isBlank(next.line - 1) ? [] : [''];
    return insertBeforeLine(s.tl, next.line, [...lead, ...block, '']);
  }
  // Text appended inside a fence or comment left open would be invisible: close it first.
  const close = s.openAtEnd ? [s.openAtEnd, ''] : [];
  const lead = lines.length === 0 || isBlank(lines.length - 1) ? [] : [''];
  return appendLines(s.tl, [...lead, ...close, ...block]);
}

/**
 * "## Active Locks" with nothing under it, followed by "## T-12 …" headings of the same level
 * that take their kind from it: the entries live under those siblings. A table put under the
 * label would end the label, and every entry below would stop reading as a lock.
 */
function labelsSiblings(s: StatusScan['structure'], k: number): boolean {
  const h = s.headings[k];
  const next = s.headings[k + 1];
  return !!next && next.level === h.level && next.own === 'unknown' && next.kind === h.kind;
}
