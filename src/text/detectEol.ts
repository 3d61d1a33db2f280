/**
 * The document's line ending, taken from its first line break; LF when there is none.
 * Edits write new lines with it so a CRLF file stays CRLF.
 */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}
