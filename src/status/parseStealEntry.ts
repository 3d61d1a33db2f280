import type { Steal } from '../types.js';
import { normalizeDate } from './normalizeDate.js';
import { LOG_TOKEN, readLogToken } from './pathCell.js';

const TOKEN = '(`[^`]*`|\\S+)';
const STEAL = new RegExp(
  `^\\s*[-*]\\s+${TOKEN}\\s+${TOKEN}\\s+steal\\s+${LOG_TOKEN}\\s+from\\s+(\`[^\`]*\`|\\S+?):(?:\\s+(.*))?$`,
);

const unquote = (t: string) => (t.startsWith('`') && t.endsWith('`') && t.length >= 2 ? t.slice(1, -1) : t);

/** The inverse of formatStealEntry; null for any other log line. `line` is 1-based. */
export function parseStealEntry(text: string, line: number): Steal | null {
  if (!text.includes(' steal ') || text.length > 4000) return null;
  const m = STEAL.exec(text.replace(/\r$/, ''));
  if (!m) return null;
  const steal: Steal = {
    // C-quoted: exactly as orch wrote it; otherwise as people write paths.
    path: m[3].startsWith('"')
      ? readLogToken(m[3])
      : unquote(m[3])
          .replace(/\\/g, '/')
          .replace(/^(\.\/)+/, ''),
    from: unquote(m[4]).replace(/^@/, ''),
    by: unquote(m[2]).replace(/^@/, ''),
    reason: (m[5] ?? '').trim(),
    line,
  };
  const at = unquote(m[1]);
  if (at) steal.at = normalizeDate(at);
  return steal;
}
