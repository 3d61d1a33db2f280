// Writes JSON back the way the file was written: its indentation, its line endings and
// whether it ended with a newline. Key order is kept by JSON.parse/stringify themselves.

export function formatJsonLike(original: string | null, value: unknown): string {
  const indent = original === null ? 2 : detectIndent(original);
  const eol = original?.includes('\r\n') ? '\r\n' : '\n';
  const finalNewline = original === null || /\n$/.test(original);
  const text = JSON.stringify(value, null, indent).replace(/\n/g, eol);
  return finalNewline ? text + eol : text;
}

function detectIndent(text: string): string | number {
  const m = text.match(/^[{[][^\n]*\r?\n([ \t]+)\S/);
  if (!m) return 2;
  return m[1].startsWith('\t') ? '\t' : m[1].length;
}
