// Paths that a table cell cannot hold as written — a newline, a tab, a leading space, a
// double quote, a backslash — are written the way git itself quotes them (core.quotePath's
// C style: "odd/line\nbreak.txt"), and read back the same way.
const NEEDS_QUOTES = /[\u0000-\u001f\u007f"\\]|^\s|\s$/;

export function needsQuotes(path: string): boolean {
  return NEEDS_QUOTES.test(path);
}

/** `octal`: characters also written as `\ooo` (`<` of an HTML comment opener, say). */
export function quotePath(path: string, octal?: RegExp): string {
  let out = '"';
  for (const ch of path) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (octal && c < 0x80 && octal.test(ch)) out += '\\' + c.toString(8).padStart(3, '0');
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\' + c.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + '"';
}

/** The path inside a C-quoted string, or null when `text` is not one. */
export function unquotePath(text: string): string | null {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return null;
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      if (ch === '"') return null; // an unescaped quote inside: not this form
      // A character outside the BMP is two UTF-16 units: encode the pair, not each half.
      const code = body.codePointAt(i)!;
      const whole = String.fromCodePoint(code);
      bytes.push(...enc.encode(whole));
      i += whole.length - 1;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return null;
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    if (next in simple) bytes.push(simple[next]);
    else if (/[0-7]/.test(next) && /^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else return null;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
