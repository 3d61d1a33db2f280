// The `.env` file compose reads beside a compose file: KEY=value lines, optional
// `export`, single quotes literal, double quotes with escapes, ` #` comments after
// unquoted values, and `${VAR}` referring to variables defined above.
import { interpolate } from './interpolate.js';

const KEY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*/;

export function parseDotEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const m = KEY.exec(line);
    if (!m) continue;
    const key = m[1];
    let rest = line.slice(m[0].length);
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // Quoted values may span lines up to the closing quote.
      let body = rest.slice(1);
      let close = closingQuote(body, quote);
      while (close === -1 && n + 1 < lines.length) {
        body += '\n' + lines[++n];
        close = closingQuote(body, quote);
      }
      const raw = close === -1 ? body : body.slice(0, close);
      env[key] = quote === "'" ? raw : interpolate(unescapeDouble(raw), env).value;
      continue;
    }
    const hash = rest.search(/\s#/);
    if (hash !== -1) rest = rest.slice(0, hash);
    env[key] = interpolate(rest.trim(), env).value;
  }
  return env;
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(raw: string): string {
  return raw.replace(/\\([nrt"\\$])/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '$' ? '$$' : c,
  );
}
