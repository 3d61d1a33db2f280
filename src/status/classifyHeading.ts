/**
 * What a section holds, judged from its heading's words:
 * - active: locks in force ("Locks", "🔒 Currently Locked", "## LOCKED: payments area");
 * - released: finished locks ("Recently Released", "Lock History", "Completed");
 * - reviews, log: the Reviews table and the append-only Log;
 * - other: explanations that mention locks ("Lock Rules", "Lock Status Key"), never read for locks;
 * - unknown: anything else; a deeper unknown heading inherits its parent's kind.
 */
export type HeadingClass = 'active' | 'released' | 'reviews' | 'log' | 'other' | 'unknown';

const OTHER =
  /\b(rules?|legend|key|protocol|how|instructions?|usage|format|template|examples?|guidelines?|policy|conventions?|procedure|workflow|process|help)\b/;
const ACTIVE_MOD = /\b(active|current|currently|open|held|now)\b/;
const LOCK = /\b(locks?|locked|locking|claims?|claimed|reservations?|reserved)\b/;
const RELEASED =
  /\b(released|unlocked|history|completed?|done|expired|archived?|past|previous|freed|finished|closed|resolved|old)\b/;
const FREE =
  /^[^A-Za-z]*(open|free|available|unclaimed|unassigned)\s*(?::|$|\b(?:areas?|files?|paths?|modules?|zones?|services?|scopes?)\b)/i;
const REVIEWS = /\breviews?\b/;
const LOG = /\b(log|logs|changelog|journal)\b/;

export function classifyHeading(text: string): HeadingClass {
  const hasLockEmoji = /[\u{1F512}\u{1F510}\u{1F50F}]/u.test(text);
  const hasOpenEmoji = text.includes('\u{1F513}');
  const words = text
    // A parenthesised aside ("Locks (remove when done)") does not change what a section is.
    .replace(/\([^()]*\)/g, ' ')
    .toLowerCase()
    // Keywords are ASCII; other letters only separate words (and \p{L} costs a millisecond to compile).
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (OTHER.test(words)) return 'other';
  const lock = hasLockEmoji || LOCK.test(words);
  // "## OPEN: search", "## Free", "## Available areas": what is not locked.
  if (!lock && FREE.test(text)) return 'released';
  if (lock && ACTIVE_MOD.test(words)) return 'active';
  if (hasOpenEmoji || RELEASED.test(words)) return 'released';
  if (REVIEWS.test(words)) return 'reviews';
  if (LOG.test(words)) return 'log';
  if (lock) return 'active';
  return 'unknown';
}
