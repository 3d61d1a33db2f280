// Turns zod's validation issues into a message a person (or an agent) can fix the file
// from: for each problem the key path, what was expected in words, what was found and
// what to do. Never zod's own wording or a JSON dump of issues.
import type { core } from 'zod';
import { closestMatch } from './closestMatch.js';
import { configSchema } from './schema.js';

const MAX_PROBLEMS = 10;

type Segment = PropertyKey;
interface SchemaNode {
  _zod: { def: SchemaDef };
}
interface SchemaDef {
  type: string;
  shape?: Record<string, SchemaNode>;
  element?: SchemaNode;
  innerType?: SchemaNode;
  in?: SchemaNode;
  keyType?: SchemaNode;
  valueType?: SchemaNode;
  entries?: Record<string, string | number>;
}

// [one, several]: how a value of this key is named in a message.
const NAMES: Record<string, [string, string]> = {
  owners: ['an agent name', 'agent names'],
  configOwners: ['an agent name', 'agent names'],
  reviewer: ['an agent name', 'agent names'],
  emails: ['an email address', 'email addresses'],
  signingKeys: ['a public key or key id', 'public keys or key ids'],
  paths: ['a glob pattern', 'glob patterns'],
  roots: ['a glob pattern', 'glob patterns'],
  ignore: ['a glob pattern', 'glob patterns'],
  compose: ['a glob pattern', 'glob patterns'],
  required: ['a glob pattern', 'glob patterns'],
  branches: ['a branch name or pattern', 'branch names or patterns'],
  patterns: ['a regular expression', 'regular expressions'],
  statusFile: ['a repository-relative file path', 'file paths'],
  indexFile: ['a repository-relative file path', 'file paths'],
  archiveFile: ['a repository-relative file path', 'file paths'],
  allowedSigners: ['a repository-relative file path', 'file paths'],
  remote: ['a git remote name', 'git remote names'],
  branch: ['a branch name', 'branch names'],
  contracts: [
    'a contract: an object with "name", "paths" and "owners"',
    'contracts, each an object with "name", "paths" and "owners"',
  ],
  agents: ['an object that maps agent names to { "emails": [...] }', 'agents'],
  rules: ['an object that maps rule ids to severities, e.g. { "no-placeholder": "warn" }', 'rules'],
};

export function formatConfigError(issues: readonly core.$ZodIssue[], raw: unknown, filepath: string): string {
  const problems: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(unknownKey([...issue.path], key));
    } else {
      problems.push(describeIssue(issue, raw));
    }
  }
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `  - ${p}`);
  if (problems.length > MAX_PROBLEMS) shown.push(`  - …and ${problems.length - MAX_PROBLEMS} more.`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `${filepath}: invalid configuration (${count}):\n${shown.join('\n')}`;
}

function describeIssue(issue: core.$ZodIssue, raw: unknown): string {
  const path = [...issue.path];
  const where = formatKeyPath(path);
  const found = valueAt(raw, path);
  const node = nodeAt(path);

  if (path.length === 0 && issue.code === 'invalid_type') {
    return `${where}: expected an object with the settings ({ "statusFile": ... }), found ${describeFound(found)}.`;
  }

  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(node, path, issue.expected);
      if (found === undefined) return `${where}: missing; expected ${expected}. Add it.`;
      return `${where}: expected ${expected}, found ${describeFound(found)}. ${typeFix(issue.expected, found, expected)}`;
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof found === 'string' ? closestMatch(found, options) : undefined;
      const todo = guess !== undefined ? `Did you mean "${guess}"?` : 'Use one of these.';
      return `${where}: expected one of ${options.join(', ')}, found ${describeFound(found)}. ${todo}`;
    }
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const [one] = namesFor(path) ?? ['an entry'];
      const inclusive = issue.inclusive !== false;
      let expected: string;
      let todo: string;
      if (issue.origin === 'array') {
        expected =
          issue.code === 'too_small'
            ? `at least ${bound === 1 ? one.replace(/^an? /, 'one ') : `${bound} entries`}`
            : `at most ${bound} entries`;
        todo = issue.code === 'too_small' ? 'Add one.' : 'Remove some.';
      } else if (issue.origin === 'string') {
        const noun = namesFor(path)?.[0].replace(/^an? /, '') ?? 'value';
        expected =
          issue.code === 'too_small' && bound === 1
            ? `a non-empty ${noun}`
            : `${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} characters`;
        todo = 'Fill it in or remove it.';
      } else {
        const word =
          issue.code === 'too_small' ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
        expected = `a number ${word} ${bound}`;
        todo = 'Change it.';
      }
      return `${where}: expected ${expected}, found ${describeFound(found)}. ${todo}`;
    }
    case 'invalid_format': {
      // The schema words its own formats ("a duration such as ..."); zod's defaults start with "Invalid".
      const expected = /^invalid/i.test(issue.message) ? `text in the format ${issue.format}` : issue.message;
      return `${where}: expected ${expected}, found ${describeFound(found)}. Change it.`;
    }
    default:
      return `${where}: ${issue.message.replace(/^Invalid input: /, '')}; found ${describeFound(found)}.`;
  }
}

function unknownKey(path: Segment[], key: string): string {
  const where = formatKeyPath([...path, key]);
  const parent = nodeAt(path);
  const known = parent ? knownKeys(parent) : [];
  const isRules = path.length === 1 && path[0] === 'rules';
  const what = isRules ? 'unknown rule id' : 'unknown key';
  const elsewhere = known.includes(key) ? undefined : findKeyElsewhere(key);
  if (elsewhere) return `${where}: ${what} here; "${key}" belongs in ${elsewhere}. Move it there.`;
  const guess = closestMatch(key, known);
  if (guess !== undefined) return `${where}: ${what}. Did you mean "${guess}"?`;
  const list = known.length > 0 ? ` ${isRules ? 'Rule ids' : 'Keys allowed here'}: ${known.join(', ')}.` : '';
  return `${where}: ${what}.${list} Remove it or correct its name.`;
}

function typeFix(expectedType: string, found: unknown, expected: string): string {
  if (expectedType === 'array' && (typeof found === 'string' || typeof found === 'number')) {
    return `Write it as a list: ${JSON.stringify([found])}.`;
  }
  if (expectedType === 'boolean' && (found === 'true' || found === 'false')) return `Write ${found} without quotes.`;
  if (
    (expectedType === 'number' || expectedType === 'int') &&
    typeof found === 'string' &&
    found.trim() !== '' &&
    !Number.isNaN(Number(found))
  ) {
    return `Write ${found.trim()} without quotes.`;
  }
  if (expectedType === 'int' && typeof found === 'number') return 'Use a whole number.';
  if (expectedType === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
    return `Put it in quotes: "${String(found)}".`;
  }
  if (expectedType === 'object') return 'Write it as an object with those keys.';
  return `Change it to ${expected}.`;
}

function describeExpected(node: SchemaNode | undefined, path: Segment[], expectedType: string): string {
  const names = namesFor(path);
  const def = node ? unwrap(node)._zod.def : undefined;
  switch (def?.type ?? expectedType) {
    case 'array': {
      if (names) return `a list of ${names[1]}`;
      const element = def?.element ? unwrap(def.element)._zod.def.type : undefined;
      return element === 'string' ? 'a list of strings' : 'a list';
    }
    case 'string':
      return names?.[0] ?? 'a string (text in quotes)';
    case 'boolean':
      return 'true or false';
    case 'number':
      return expectedType === 'int' ? 'a whole number' : 'a number';
    case 'enum':
      return `one of ${Object.values(def?.entries ?? {}).join(', ')}`;
    case 'object':
      return names?.[0] ?? `an object with the keys ${Object.keys(def?.shape ?? {}).join(', ')}`;
    case 'record':
      return names?.[0] ?? 'an object';
    default:
      return expectedType === 'int' ? 'a whole number' : `a value of type ${expectedType}`;
  }
}

// Names for the value at `path`: by its key, or by the list it is an entry of.
function namesFor(path: Segment[]): [string, string] | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return Object.hasOwn(NAMES, last) ? NAMES[last] : undefined;
  const list = path[path.length - 2];
  if (typeof last === 'number' && typeof list === 'string' && Object.hasOwn(NAMES, list)) return NAMES[list];
  return undefined;
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return value.length === 1 ? 'a list with 1 entry' : `a list with ${value.length} entries`;
  }
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
  return typeof value;
}

/** `contracts[0].owners`, `rules.lock-conflict`, `agents["a.b"].emails`. */
function formatKeyPath(path: Segment[]): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function valueAt(raw: unknown, path: Segment[]): unknown {
  let v = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function unwrap(node: SchemaNode): SchemaNode {
  let n = node;
  for (;;) {
    const def = n._zod.def;
    if (
      def.innerType &&
      ['default', 'prefault', 'optional', 'nullable', 'nonoptional', 'readonly', 'catch'].includes(def.type)
    )
      n = def.innerType;
    else if (def.type === 'pipe' && def.in) n = def.in;
    else return n;
  }
}

function child(node: SchemaNode, seg: Segment): SchemaNode | undefined {
  const def = unwrap(node)._zod.def;
  if (def.type === 'object' && typeof seg === 'string')
    return def.shape && Object.hasOwn(def.shape, seg) ? def.shape[seg] : undefined;
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

function nodeAt(path: Segment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = configSchema as unknown as SchemaNode;
  for (const seg of path) {
    if (!node) return undefined;
    node = child(node, seg);
  }
  return node;
}

function knownKeys(node: SchemaNode): string[] {
  const def = unwrap(node)._zod.def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'record' && def.keyType) {
    const key = unwrap(def.keyType)._zod.def;
    if (key.type === 'enum') return Object.values(key.entries ?? {}).map(String);
  }
  return [];
}

// A key written at the wrong level ("reviewer" at the top instead of under "review").
function findKeyElsewhere(key: string): string | undefined {
  const root = configSchema as unknown as SchemaNode;
  const queue: { node: SchemaNode; path: Segment[] }[] = [{ node: root, path: [] }];
  while (queue.length > 0) {
    const { node, path } = queue.shift()!;
    const def = unwrap(node)._zod.def;
    if (def.type === 'object') {
      for (const [name, sub] of Object.entries(def.shape ?? {})) {
        if (name === key && path.length > 0) return describePlace(path);
        queue.push({ node: sub, path: [...path, name] });
      }
    } else if (def.type === 'array' && def.element) {
      queue.push({ node: def.element, path: [...path, 0] });
    } else if (def.type === 'record' && def.valueType) {
      queue.push({ node: def.valueType, path: [...path, '<name>'] });
    }
  }
  return undefined;
}

function describePlace(path: Segment[]): string {
  const i = path.findIndex((s) => typeof s === 'number' || s === '<name>');
  return i === -1 ? `"${formatKeyPath(path)}"` : `each entry of "${formatKeyPath(path.slice(0, i))}"`;
}
