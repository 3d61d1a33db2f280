// The Log section of a status file as a list of lines, found with a line scanner: the
// log grows with every commit and must never go through a markdown parser per commit.
// The section starts at a heading with the word "log" ("## Log", "## Activity Log") and
// ends at the next heading of the same or a higher level; every non-blank line in it is
// an entry (a bullet, or a continuation line of one).

export interface LogEntry {
  /** 1-based line in the file. */
  line: number;
  /** The line without trailing whitespace. */
  text: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

export function logEntries(text: string | null): LogEntry[] {
  if (!text) return [];
  const lines = text.split('\n');
  const entries: LogEntry[] = [];
  let level = 0; // heading level of the open log section; 0 when outside one
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\s+$/, '');
    const f = FENCE.exec(raw);
    if (fence === null) {
      const h = f ? null : HEADING.exec(raw);
      if (h) {
        const hl = h[1].length;
        if (level && hl <= level) level = 0;
        if (!level && /\blog\b/i.test(h[2])) {
          level = hl;
          continue;
        }
      }
      if (f) fence = f[1];
    } else if (f && f[1] === fence) {
      fence = null;
    }
    if (level && raw.trim() !== '') entries.push({ line: i + 1, text: raw });
  }
  return entries;
}
