// Who holds a lock, from the text written where a holder goes. A holder is a name: one
// token (optionally @-prefixed) of letters, digits, `-`, `_` and `.`, or a short display
// name whose words are capitalised ("Agent A", "Dana Scully"). Anything else — "provider
// code", "??? maybe", a template's `<agent>` — is not a holder: the lock is then held by
// UNKNOWN_HOLDER, which binds every agent until the line is fixed (README: WORK_STATUS.md).
import { normalizeAgent } from './normalizeAgent.js';

/** The holder of a locked path whose holder could not be read. No identity equals it. */
export { UNKNOWN_HOLDER } from '../identity/sameAgent.js';

const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}._-]*$/u;
// What templates write where a name goes.
const TEMPLATE = /^(agent[-_](name|id)|your[-_ ]?(agent[-_ ]?)?name|someone|somebody|anyone|xxx+|tbd|\?+)$/i;
// A status where a name goes ("- `src/` - Locked - 2026-01-02"): not a holder.
const STATUS_WORDS =
  /^(locked|unlocked|free|available|released|done|complete|completed|finished|active|in progress|wip|expired|claimed|busy|idle|pending|blocked|open|closed|merged|reserved|taken|in use)$/i;
const NOT_NAMES = new Set([
  'note',
  'notes',
  'see',
  'example',
  'e.g',
  'eg',
  'i.e',
  'warning',
  'important',
  'tip',
  'todo',
  'currently',
  'next',
  'last',
  'updated',
  'status',
  'summary',
  'rule',
  'rules',
  'format',
  'usage',
  'nb',
  'ps',
  'info',
  'hint',
  'caution',
  'task',
  'files',
  'file',
  'path',
  'paths',
  'since',
  'until',
  'expires',
  'the',
  'and',
  'or',
  'by',
  'for',
  'with',
  'this',
  'that',
  'it',
]);

/**
 * The holder named by `text`, or null when the text is not a name. `lead`: the text starts
 * a free line (`Note: …`, `Remember - …`), where common words are not names.
 */
export function readHolder(text: string, options: { lead?: boolean } = {}): string | null {
  let a = normalizeAgent(text);
  // 🤖 backend-architect; backend-architect (Claude); **Dana**.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class matches emoji and their joiners one code point at a time, on purpose
  a = a.replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '');
  a = a.replace(/\s*\([^()]*\)$/, '');
  a = normalizeAgent(a).replace(/[.,:;]+$/, '');
  if (!a || a.length > 64) return null;
  if (TEMPLATE.test(a) || isTemplateSlot(a)) return null;
  const words = a.split(/\s+/);
  if (words.length === 1) {
    if (!TOKEN.test(a) || (options.lead && NOT_NAMES.has(a.toLowerCase()))) return null;
  } else if (
    words.length > 3 ||
    !words.every((w) => WORD.test(w)) ||
    (options.lead && NOT_NAMES.has(words[0].toLowerCase()))
  ) {
    return null;
  }
  if (STATUS_WORDS.test(a)) return null;
  return a;
}

/** `<agent>`, `{agent}`, `{{agent}}`, `${AGENT}`, `[agent-name]`: a slot a template leaves to fill. */
export function isTemplateSlot(text: string): boolean {
  const t = text.trim();
  return /^(<[^<>/]{1,40}>|\{\{?[^{}/,]{1,40}\}?\}|\$\{?[A-Za-z_]{1,40}\}?|\[[A-Za-z _-]{1,40}\])$/.test(t);
}
