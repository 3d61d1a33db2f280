/** Repository-relative with forward slashes, without a leading `./`; everything else as written. */
export function normalizePath(text: string): string {
  let p = text.trim();
  if (p.includes('\\')) p = p.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p.trim();
}
