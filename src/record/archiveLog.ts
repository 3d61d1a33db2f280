// Keeps the Log short: past log.maxEntries, the oldest entries move to the archive file in
// the same commit. Counting walks lines (no markdown parser) and only runs once the file
// has more lines than the limit could explain.
import { logEntries } from '../text/logEntries.js';
import { appendLog } from '../status/appendLog.js';

export const ARCHIVE_HEADER =
  '# Work Status archive\n\nLog entries moved out of WORK_STATUS.md, oldest first.\n\n## Log\n\n';

export function archiveLog(text: string, maxEntries: number): { text: string; moved: string[] } | null {
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++;
  if (newlines <= maxEntries) return null;
  const entries = logEntries(text).filter((e) => /^\s*[-*] /.test(e.text));
  const excess = entries.length - maxEntries;
  if (excess <= 0) return null;
  const drop = new Set(entries.slice(0, excess).map((e) => e.line - 1));
  const parts = text.split('\n');
  const kept = parts.filter((_, i) => !drop.has(i));
  return { text: kept.join('\n'), moved: entries.slice(0, excess).map((e) => e.text.replace(/\r$/, '').trim()) };
}

export function appendToArchive(archive: string | null, moved: string[]): string {
  return appendLog(archive ?? ARCHIVE_HEADER, moved);
}
