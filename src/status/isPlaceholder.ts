// What people write in a cell or line to say "nothing here": `-`, `—`, `none`, `N/A`,
// `*No active locks*`, `_none_`, `(none)`, and template cells such as `<path>`.
const WORDS = new Set(['', '-', '--', '---', '—', '–', '−', '…', '...', 'none', 'n/a', 'na', 'nil', 'null', 'nothing', 'nobody', 'no one', 'empty', 'tbd']);

export function isPlaceholder(text: string): boolean {
  let t = text.trim();
  if (t.length > 80) return false;
  if (WORDS.has(t) || WORDS.has(t.toLowerCase())) return true;
  // Every other placeholder starts with decoration, "n"/"N" or "<": most cells stop here.
  const c = t.charCodeAt(0);
  if (!(c === 42 || c === 95 || c === 96 || c === 126 || c === 40 || c === 91 || c === 60 || c === 110 || c === 78)) return false;
  t = t.replace(/^[\s*_`~()[\]]+|[\s*_`~()[\]]+$/g, '').replace(/\.$/, '').trim().toLowerCase();
  if (WORDS.has(t)) return true;
  if (/^<[^<>]*>$/.test(t) && !/^<br\s*\/?>$/.test(t)) return true;
  if (/^(none|nothing|nobody)\b(?![/.])/.test(t)) return true;
  return /^no\s+(active\s+|current\s+)?(file\s+)?(locks?|claims?|files?|entries|reviews?|items?)\b/.test(t);
}
