// JSON.parse says little about where and why, and its wording changes between Node
// versions. This scanner runs only after JSON.parse has failed, to name the first
// problem in words a person can act on, at a 0-based offset into the text.
export interface JsonProblem {
  offset: number;
  problem: string;
}

export function locateJsonError(text: string): JsonProblem | null {
  const scan = new JsonScanner(text);
  try {
    scan.document();
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
    // Nesting deep enough to exhaust the stack: leave the report to JSON.parse's message.
    return null;
  }
}

/** The first problem found: thrown to leave the recursive descent at once. */
class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

const show = (ch: string) => (ch === '\n' ? 'a line break' : `'${ch}'`);

/** A recursive-descent reader of JSON that stops at the first problem, at `i`. */
class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    const { text, i } = this;
    if (i < text.length)
      this.fail(
        i,
        `unexpected ${show(text[i])} after the end of the JSON value (is a ',' or an enclosing '{' missing?)`,
      );
  }

  private fail(offset: number, problem: string): never {
    throw new Stop(offset, problem);
  }

  private lineOf(offset: number): number {
    return this.text.slice(0, offset).split('\n').length;
  }

  private skipSpace(): void {
    const { text } = this;
    for (;;) {
      const ch = text[this.i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.i++;
      else if (ch === '/' && (text[this.i + 1] === '/' || text[this.i + 1] === '*'))
        this.fail(this.i, 'comments are not allowed in JSON; remove it');
      else return;
    }
  }

  private value(): void {
    this.skipSpace();
    const ch = this.text[this.i];
    if (ch === undefined) this.fail(this.i, 'the file ends where a value was expected');
    if (ch === '{') this.object();
    else if (ch === '[') this.array();
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) this.number();
    else this.scalar(ch);
  }

  private scalar(ch: string): void {
    const { text, i } = this;
    if (ch === "'") this.fail(i, 'strings must be in double quotes (") in JSON, not single quotes');
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        this.i += word.length;
        return;
      }
    }
    const token = /^[^\s,:{}[\]"]+/.exec(text.slice(i))?.[0] ?? ch;
    this.fail(
      i,
      `unexpected ${token.length > 1 ? `'${token.slice(0, 20)}'` : show(ch)}: expected a value (a string in double quotes, a number, true, false, null, an object or a list)`,
    );
  }

  private object(): void {
    const { text } = this;
    const open = this.i++;
    const unclosed = () => `the file ends inside the object opened on line ${this.lineOf(open)}; a '}' is missing`;
    this.skipSpace();
    if (text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const ch = text[this.i];
      if (ch === undefined) this.fail(this.i, unclosed());
      if (ch !== '"') this.badPropertyName(ch);
      this.string();
      this.skipSpace();
      if (text[this.i] !== ':') {
        if (text[this.i] === undefined) this.fail(this.i, unclosed());
        this.fail(this.i, `expected ':' after the property name, found ${show(text[this.i])}`);
      }
      this.i++;
      this.value();
      this.skipSpace();
      const next = text[this.i];
      if (next === '}') {
        this.i++;
        return;
      }
      if (next === undefined) this.fail(this.i, unclosed());
      if (next !== ',')
        this.fail(
          this.i,
          `expected ',' or '}' after a property value, found ${show(next)} (is a comma missing on the line before?)`,
        );
      const comma = this.i++;
      this.skipSpace();
      if (text[this.i] === '}')
        this.fail(comma, "trailing comma before '}': JSON allows no comma after the last entry; remove it");
    }
  }

  private badPropertyName(ch: string): never {
    if (ch === ',' || ch === '}')
      this.fail(this.i, `unexpected ${show(ch)}: expected a property name in double quotes`);
    if (ch === "'") this.fail(this.i, 'property names must be in double quotes (") in JSON, not single quotes');
    return this.fail(this.i, `property names must be in double quotes (") in JSON; found ${show(ch)}`);
  }

  private array(): void {
    const { text } = this;
    const open = this.i++;
    this.skipSpace();
    if (text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const next = text[this.i];
      if (next === ']') {
        this.i++;
        return;
      }
      if (next === undefined)
        this.fail(this.i, `the file ends inside the list opened on line ${this.lineOf(open)}; a ']' is missing`);
      if (next !== ',')
        this.fail(this.i, `expected ',' or ']' after a list entry, found ${show(next)} (is a comma missing?)`);
      const comma = this.i++;
      this.skipSpace();
      if (text[this.i] === ']')
        this.fail(comma, "trailing comma before ']': JSON allows no comma after the last entry; remove it");
    }
  }

  private string(): void {
    const { text } = this;
    const open = this.i++;
    for (;;) {
      const ch = text[this.i];
      if (ch === undefined) this.fail(open, 'this string is never closed: a closing " is missing');
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch === '\n' || ch === '\r')
        this.fail(open, 'this string is not closed on its line: a closing " is missing (a string cannot span lines)');
      if (ch < ' ') this.fail(this.i, 'control characters (such as tabs) must be escaped inside strings (\\t)');
      this.i += ch === '\\' ? this.escape() : 1;
    }
  }

  /** The length of the escape at `i`, which is a backslash. */
  private escape(): number {
    const esc = this.text[this.i + 1];
    if (esc === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6)))
        this.fail(this.i, 'invalid \\u escape: expected four hex digits');
      return 6;
    }
    if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
      this.fail(
        this.i,
        `invalid escape \\${esc ?? ''} in a string; write a backslash as \\\\ (Windows paths: use forward slashes)`,
      );
    }
    return 2;
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (!m) return this.fail(this.i, 'invalid number');
    const end = this.i + m[0].length;
    const after = this.text[end];
    if (after !== undefined && /[\w.]/.test(after))
      this.fail(this.i, 'invalid number (JSON numbers have no leading zeros, "+", hex or trailing dot)');
    this.i = end;
  }
}
