// Text of a configuration file → plain data, by the file's name: JSON for `.json`
// (and package.json, returned whole), YAML for `.orchrc`, `.yaml`, `.yml`. Syntax
// errors become OrchErrors with file, line, column and a pointer at the spot.
// Validation is not done here (see parseConfig).
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import { OrchError } from '../errors.js';
import { locateJsonError } from './locateJsonError.js';

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

export function parseConfigSyntax(text: string, filepath: string): unknown {
  const name = basename(filepath);
  const ext = extname(name);
  const format =
    name === 'package.json' || ext === '.json'
      ? 'json'
      : ext === '.yaml' || ext === '.yml' || ext === ''
        ? 'yaml'
        : JS_EXTENSIONS.has(ext)
          ? 'js'
          : 'unknown';

  if (format === 'js') {
    throw new OrchError(
      `${filepath} is a JavaScript configuration file, which can only be loaded by running it; it cannot be read as text.`,
      {
        hint: 'Where orch must read the configuration from git (CI reads it from the base revision), use .orchrc.json instead.',
      },
    );
  }
  if (format === 'unknown') {
    throw new OrchError(
      `${filepath}: configuration files must be JSON (.json) or YAML (.orchrc, .yaml, .yml); "${ext}" is neither.`,
      {
        hint: 'Rename it to .orchrc.json (or .orchrc.yaml).',
      },
    );
  }
  if (text.includes('\0')) {
    throw new OrchError(
      `${filepath} is not a text file (it contains NUL bytes); the configuration must be ${format === 'json' ? 'JSON' : 'YAML'} text.`,
      {
        hint: 'Check that the file was not overwritten or saved in a binary encoding (UTF-16 editors do this); save it as UTF-8.',
      },
    );
  }
  // Some editors write a byte-order mark; neither JSON.parse nor a person cares about it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw emptyError(filepath, format);

  if (format === 'json') {
    try {
      return JSON.parse(body);
    } catch (e) {
      const where = locateJsonError(body);
      if (!where) throw new OrchError(`${filepath}: invalid JSON: ${(e as Error).message}`, { cause: e });
      const { line, column } = lineAndColumn(body, where.offset);
      throw new OrchError(
        `${filepath}:${line}:${column}: invalid JSON: ${where.problem}.\n${codeFrame(body, line, column)}`,
        { cause: e },
      );
    }
  }

  const YAML = loadYaml();
  const doc = YAML.parseDocument(body);
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = pos ? `${filepath}:${pos.line}:${pos.col}` : filepath;
    const frame = pos ? `\n${codeFrame(body, pos.line, pos.col)}` : '';
    throw new OrchError(`${where}: invalid YAML: ${what}.${frame}`, { cause: error });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias to an anchor that is not defined (yet), or too many aliases: yaml throws here.
    const what = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const at = aliasOffset(YAML, doc);
    if (at === undefined) throw new OrchError(`${filepath}: invalid YAML: ${what}.`, { cause: e });
    const { line, column } = lineAndColumn(body, at);
    throw new OrchError(`${filepath}:${line}:${column}: invalid YAML: ${what}.\n${codeFrame(body, line, column)}`, {
      cause: e,
    });
  }
  // A YAML file of only comments parses to null: as good as empty.
  if (data === null || data === undefined) throw emptyError(filepath, format);
  return data;
}

function emptyError(filepath: string, format: 'json' | 'yaml'): OrchError {
  return new OrchError(
    format === 'json'
      ? `${filepath} is empty: expected a JSON object such as { "statusFile": "WORK_STATUS.md" }.`
      : `${filepath} is empty: expected settings such as "statusFile: WORK_STATUS.md".`,
    { hint: `Write {} into it to use the defaults, or delete it.` },
  );
}

type YamlModule = typeof import('yaml');

/** Where the first alias that cannot be resolved is, else the first alias at all. */
function aliasOffset(YAML: YamlModule, doc: ReturnType<YamlModule['parseDocument']>): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  YAML.visit(doc, {
    Alias(_, node) {
      const at = node.range?.[0];
      first ??= at;
      if (unresolved === undefined && node.resolve(doc) === undefined) {
        unresolved = at;
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}
let yaml: YamlModule | undefined;
// Loaded on first use and synchronously, so parseConfigText stays synchronous while
// JSON configurations (the common case) never pay for the YAML parser.
// The packed bundle carries yaml as dist/yaml.cjs (scripts/build.mjs): an installed orch
// has no node_modules of its own to find it in. From the sources, the package itself.
function loadYaml(): YamlModule {
  if (yaml) return yaml;
  const require = createRequire(import.meta.url);
  try {
    yaml = require('./yaml.cjs') as YamlModule;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    yaml = require('yaml') as YamlModule;
  }
  return yaml;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function codeFrame(text: string, line: number, column: number): string {
  let source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  let col = column;
  // Minified one-line files: show a window around the spot, not 10 kB of JSON.
  if (source.length > 100) {
    const from = Math.max(0, col - 50);
    source = (from > 0 ? '…' : '') + source.slice(from, from + 100) + (from + 100 < source.length ? '…' : '');
    col = col - from + (from > 0 ? 1 : 0);
  }
  const gutter = String(line);
  return `  ${gutter} | ${source}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, col - 1))}^`;
}
