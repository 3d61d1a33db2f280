// Compose variable substitution: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
// `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, `$VAR` and `$$` for a literal
// dollar. Defaults may nest (`${A:-${B}}`).

export interface Interpolated {
  value: string;
  /** Variables that had no value and no default (compose substitutes ''). */
  unresolved: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(text: string, env: Record<string, string>): Interpolated {
  const unresolved: string[] = [];
  const value = expand(text, env, unresolved);
  return { value, unresolved: [...new Set(unresolved)] };
}

function expand(text: string, env: Record<string, string>, unresolved: string[]): string {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(text, i + 2);
      if (end === -1) {
        // An unterminated `${` is kept literally; compose rejects it, the YAML still read.
        out += text.slice(i);
        break;
      }
      out += substitute(text.slice(i + 2, end), env, unresolved);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      out += lookup(m[0], env, unresolved);
      i += 1 + m[0].length;
      continue;
    }
    out += '$';
    i++;
  }
  return out;
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function lookup(name: string, env: Record<string, string>, unresolved: string[]): string {
  const v = env[name];
  if (v === undefined) {
    unresolved.push(name);
    return '';
  }
  return v;
}

function substitute(inner: string, env: Record<string, string>, unresolved: string[]): string {
  const m = NAME.exec(inner);
  if (!m) return '${' + inner + '}';
  const name = m[0];
  const rest = inner.slice(name.length);
  if (rest === '') return lookup(name, env, unresolved);
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) return '${' + inner + '}';
  const word = rest.slice(op.length);
  const v = env[name];
  const set = v !== undefined;
  const nonEmpty = set && v !== '';
  switch (op) {
    case ':-':
      return nonEmpty ? v : expand(word, env, unresolved);
    case '-':
      return set ? v : expand(word, env, unresolved);
    case ':?':
      if (nonEmpty) return v;
      unresolved.push(name);
      return '';
    case '?':
      if (set) return v;
      unresolved.push(name);
      return '';
    case ':+':
      return nonEmpty ? expand(word, env, unresolved) : '';
    default:
      return set ? expand(word, env, unresolved) : '';
  }
}
