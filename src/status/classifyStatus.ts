/**
 * A Status cell or word: `locked` (🔒 Locked, 🔴 LOCKED, in use, claimed), `working` (in progress,
 * WIP: a lock under an active heading, not elsewhere), `inactive` (🟢 FREE, ✅ Complete, Released,
 * Done, Available), `unknown` (other words) or `empty`.
 */
export type StatusClass = 'locked' | 'working' | 'inactive' | 'unknown' | 'empty';

const INACTIVE_EMOJI = /[\u2705\u2714\u2611\u{1F7E2}\u{1F513}\u26AA\u{1F3C1}]/u;
const LOCKED_EMOJI = /[\u{1F512}\u{1F510}\u{1F534}\u26D4\u{1F6A7}]/u;
const INACTIVE =
  /\b(not (locked|in use|claimed)|unlocked|unlock|free|available|released|done|complete|completed|finished|merged|closed|expired|cancell?ed|abandoned|idle|inactive|none|resolved)\b/;
const LOCKED = /\b(locked|lock|in use|claimed|reserved|held|busy|taken|occupied)\b/;
const WORKING = /\b(editing|wip|in[- ]progress|active|working|ongoing|started)\b/;

export function classifyStatus(text: string): StatusClass {
  const t = text.trim();
  if (!t || /^[-—–*_`.]*$/.test(t) || t.length > 200) return t.length > 200 ? 'unknown' : 'empty';
  if (INACTIVE_EMOJI.test(t)) return 'inactive';
  if (LOCKED_EMOJI.test(t)) return 'locked';
  const w = t.toLowerCase().replace(/[^a-z0-9-]+/g, ' ');
  if (INACTIVE.test(w)) return 'inactive';
  if (LOCKED.test(w)) return 'locked';
  if (WORKING.test(w)) return 'working';
  return 'unknown';
}
