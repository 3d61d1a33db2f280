// JSON.parse says little about where and why, and its wording changes between Node
// versions. This scanner runs only after JSON.parse has failed, to name the first
// problem in words a person can act on, at a 0-based offset into the text.
export interface JsonProblem {
  offset: number;
  problem: string;
}

export function locateJsonError(text: string): JsonProblem | null {
  let i = 0;

  class Stop {
    constructor(
      readonly offset: number,
      readonly problem: string,
    ) {}
  }
  const fail = (offset: number, problem: string): never => {
    throw new Stop(offset, problem);
  };
  const show = (ch: string) => (ch === '\n' ? 'a line break' : `'${ch}'`);

  const skipSpace = () => {
    for (;;) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
      else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
        fail(i, 'comments are not allowed in JSON; remove it');
      else return;
    }
  };

  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === undefined) fail(i, 'the file ends where a value was expected');
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) number();
    else scalar(ch);
  };

  const scalar = (ch: string): void => {
    if (ch === "'") fail(i, 'strings must be in double quotes (") in JSON, not single quotes');
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    const token = /^[^\s,:{}[\]"]+/.exec(text.slice(i))?.[0] ?? ch;
    fail(
      i,
      `unexpected ${token.length > 1 ? `'${token.slice(0, 20)}'` : show(ch)}: expected a value (a string in double quotes, a number, true, false, null, an object or a list)`,
    );
  };

  const object = () => {
    const open = i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      const ch = text[i];
      if (ch === undefined) fail(i, `the file ends inside the object opened on line ${lineOf(open)}; a '}' is missing`);
      if (ch !== '"') {
        if (ch === ',' || ch === '}') fail(i, `unexpected ${show(ch)}: expected a property name in double quotes`);
        if (ch === "'") fail(i, 'property names must be in double quotes (") in JSON, not single quotes');
        fail(i, `property names must be in double quotes (") in JSON; found ${show(ch)}`);
      }
      string();
      skipSpace();
      if (text[i] !== ':') {
        if (text[i] === undefined)
          fail(i, `the file ends inside the object opened on line ${lineOf(open)}; a '}' is missing`);
        fail(i, `expected ':' after the property name, found ${show(text[i])}`);
      }
      i++;
      value();
      skipSpace();
      const next = text[i];
      if (next === '}') {
        i++;
        return;
      }
      if (next === undefined)
        fail(i, `the file ends inside the object opened on line ${lineOf(open)}; a '}' is missing`);
      if (next !== ',')
        fail(
          i,
          `expected ',' or '}' after a property value, found ${show(next)} (is a comma missing on the line before?)`,
        );
      const comma = i++;
      skipSpace();
      if (text[i] === '}')
        fail(comma, "trailing comma before '}': JSON allows no comma after the last entry; remove it");
    }
  };

  const array = () => {
    const open = i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      const next = text[i];
      if (next === ']') {
        i++;
        return;
      }
      if (next === undefined) fail(i, `the file ends inside the list opened on line ${lineOf(open)}; a ']' is missing`);
      if (next !== ',') fail(i, `expected ',' or ']' after a list entry, found ${show(next)} (is a comma missing?)`);
      const comma = i++;
      skipSpace();
      if (text[i] === ']')
        fail(comma, "trailing comma before ']': JSON allows no comma after the last entry; remove it");
    }
  };

  const string = () => {
    const open = i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail(open, 'this string is never closed: a closing " is missing');
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\n' || ch === '\r')
        fail(open, 'this string is not closed on its line: a closing " is missing (a string cannot span lines)');
      if (ch < ' ') fail(i, 'control characters (such as tabs) must be escaped inside strings (\\t)');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail(i, 'invalid \\u escape: expected four hex digits');
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
          fail(
            i,
            `invalid escape \\${esc ?? ''} in a string; write a backslash as \\\\ (Windows paths: use forward slashes)`,
          );
        }
        i += 2;
        continue;
      }
      i++;
    }
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(i, 'invalid number');
    const end = i + m![0].length;
    const after = text[end];
    if (after !== undefined && /[\w.]/.test(after))
      fail(i, 'invalid number (JSON numbers have no leading zeros, "+", hex or trailing dot)');
    i = end;
  };

  try {
    value();
    skipSpace();
    if (i < text.length)
      fail(i, `unexpected ${show(text[i])} after the end of the JSON value (is a ',' or an enclosing '{' missing?)`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
    // Nesting deep enough to exhaust the stack: leave the report to JSON.parse's message.
    return null;
  }
}
