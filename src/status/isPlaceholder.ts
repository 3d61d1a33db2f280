// What people write in a cell or line to say "nothing here": `-`, `—`, `none`, `N/A`,
// `*No active locks*`, `_none_`, `(none)`, and template cells such as `<path>`.
const WORDS = new Set([
  '',
  '-',
  '--',
  '---',
  '—',
  '–',
  '−',
  '…',
  '...',
  'none',
  'n/a',
  'na',
  'nil',
  'null',
  'nothing',
  'nobody',
  'no one',
  'empty',
  'tbd',
]);
// First characters a placeholder can start with: - — – − … . n N e E t T * _ ` ~ ( [ <
const FIRST = new Set([45, 0x2014, 0x2013, 0x2212, 0x2026, 46, 110, 78, 101, 69, 116, 84, 42, 95, 96, 126, 40, 91, 60]);

export function isPlaceholder(text: string): boolean {
  let t = text.trim();
  if (t.length === 0) return true;
  if (t.length > 80 || !FIRST.has(t.charCodeAt(0))) return false;
  if (WORDS.has(t)) return true;
  const c = t.charCodeAt(0);
  if (c === 110 || c === 78 || c === 101 || c === 69 || c === 116 || c === 84) {
    // A word: only "none…", "nothing…", "nobody…", "no active locks" and the WORDS qualify.
    const lower = t.toLowerCase();
    if (WORDS.has(lower.replace(/\.$/, ''))) return true;
    if (!/^no(ne|thing|body)?\b/.test(lower)) return false;
  }
  t = t
    .replace(/^[\s*_`~()[\]]+|[\s*_`~()[\]]+$/g, '')
    .replace(/\.$/, '')
    .trim()
    .toLowerCase();
  if (WORDS.has(t)) return true;
  if (t.charCodeAt(0) === 60) return /^<[^<>]*>$/.test(t) && !/^<br\s*\/?>$/.test(t);
  if (!t.startsWith('no')) return false;
  if (/^(none|nothing|nobody)\b(?![/.])/.test(t)) return true;
  return /^no\s+(active\s+|current\s+)?(file\s+)?(locks?|claims?|files?|entries|reviews?|items?)\b/.test(t);
}
