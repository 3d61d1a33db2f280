/**
 * Undoes appendLog for one entry: removes the last line of `text` that is exactly `entry`
 * (with its line ending) and, when that entry was the only one under its heading, the
 * blank line appendLog put between them. Every other byte stays as it was; `text` comes
 * back unchanged when the entry is not there.
 */
export function dropLogEntry(text: string, entry: string): string {
  if (!entry) return text;
  let from = text.length;
  while (from >= 0) {
    const i = text.lastIndexOf(entry, from);
    if (i < 0) return text;
    const after = i + entry.length;
    const starts = i === 0 || text[i - 1] === '\n';
    const ends = after === text.length || text[after] === '\n' || (text[after] === '\r' && text[after + 1] === '\n');
    if (starts && ends) {
      let end = after;
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      return text.slice(0, blankAfterHeading(text, i, end)) + text.slice(end);
    }
    from = i - 1;
  }
  return text;
}

/** Where the removal starts: before the blank line between a heading and the entry, when the entry was the section's last line. */
function blankAfterHeading(text: string, start: number, end: number): number {
  const rest = text.slice(end, text.indexOf('\n', end) + 1 || text.length);
  if (rest.trim() !== '' && !/^#{1,6}\s/.test(rest)) return start;
  const blank = /(?:^|\n)(\r?\n)$/.exec(text.slice(0, start));
  if (!blank) return start;
  const blankStart = start - blank[1].length;
  const prevLineStart = text.lastIndexOf('\n', blankStart - 2) + 1;
  return /^#{1,6}\s/.test(text.slice(prevLineStart, blankStart)) ? blankStart : start;
}
