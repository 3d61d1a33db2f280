/** Quotes a word for a POSIX shell when it needs it, so fix commands can be pasted as-is. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word) && !word.startsWith('-')) return word;
  if (/^[\w@%+=:,./-]+$/.test(word)) return `./${word}`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
