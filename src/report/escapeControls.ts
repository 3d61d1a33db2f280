/**
 * Makes text safe to print: a file name or message may carry newlines or terminal
 * escape sequences (paths come from the repository, which anyone can fill), and those
 * must not redraw the terminal or forge extra output lines. Control characters become
 * visible escapes (`\n`, `\u001b`); with `keepNewlines`, line breaks stay real.
 */
export function escapeControls(text: string, keepNewlines = false): string {
  const src = keepNewlines ? text.replace(/\r\n/g, '\n') : text;
  // eslint-disable-next-line no-control-regex
  return src.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (keepNewlines && c === '\n') return c;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return keepNewlines ? c : '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
