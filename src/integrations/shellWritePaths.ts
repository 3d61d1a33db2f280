// Which files a shell command writes, read with a real shell parser (mvdan-sh, the
// JavaScript build of mvdan/sh: the whole bash grammar, no dependencies, a synchronous
// API). The edit-time check judges a shell command like an edit of each path it writes:
// redirections (`>`, `>>`, `>|`, `&>`, `<>`), `tee`, `sed -i`, `perl -i`, `mv`, `cp`, `rm`,
// `touch`, `truncate`, `git checkout -- <path>`, `git restore`, `git rm`, `git mv`, also
// behind `sudo`/`env`/`command`/`nohup`/`time` and inside `bash -c '…'` / `eval`.
//
// The parser is ~1.5 MB of JavaScript and costs ~0.1 s to load, so it is loaded only for
// a command that names one of those writers at all (a cheap word test first): `ls`, `npm
// test` and most commands an agent runs never load it. A word the shell would expand at
// run time (`$x`, `$(…)`) cannot be known: such a target is reported as unknown and the
// command is allowed (the commit hook remains the backstop). A glob in the last segment
// (`rm src/*.js`) is expanded against the directory as it is now.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { mayWrite } from './shellWriterHint.js';

export interface ShellTargets {
  /** Absolute paths the command writes, in order, without repeats. */
  paths: string[];
  /** True when at least one target could not be known (a variable, a substitution…). */
  unknown: boolean;
}

export async function shellWritePaths(command: string, cwd: string): Promise<ShellTargets> {
  const out: ShellTargets = { paths: [], unknown: false };
  if (!mayWrite(command)) return out;
  const sh = await loadParser();
  collect(sh, command, cwd, out, 0);
  out.paths = [...new Set(out.paths)];
  return out;
}

// ---------------------------------------------------------------- parser plumbing

/* eslint-disable @typescript-eslint/no-explicit-any */
// biome-ignore lint/suspicious/noExplicitAny: mvdan-sh ships no types; nodes are read field by field below
type Node = any;
interface Parser {
  syntax: {
    NewParser(): { Parse(src: string, name: string): Node };
    Walk(n: Node, f: (n: Node) => boolean): void;
    NodeType(n: Node): string;
  };
  writeOps: Set<number>;
  dupOp: number;
}

let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  // biome-ignore lint/suspicious/noExplicitAny: mvdan-sh ships no types
  parser ??= import('mvdan-sh').then((m: any) => {
    const syntax = (m.default ?? m).syntax;
    // the operator codes are the parser's own numbering: learn them from a probe, not a table
    const ops: number[] = [];
    let dup = -1;
    syntax.Walk(syntax.NewParser().Parse('a >x >>x <>x >|x &>x &>>x >&2', ''), (n: Node) => {
      if (n && syntax.NodeType(n) === 'Redirect') ops.push(n.Op);
      return true;
    });
    dup = ops.pop()!;
    return { syntax, writeOps: new Set(ops), dupOp: dup };
  });
  return parser;
}

const MAX_DEPTH = 3;

function collect(sh: Parser, source: string, cwd: string, out: ShellTargets, depth: number): void {
  let file: Node;
  try {
    file = sh.syntax.NewParser().Parse(source, '');
  } catch {
    // not valid shell: the shell will refuse it too
    return;
  }
  const dir = { cwd, known: true };
  sh.syntax.Walk(file, (n: Node) => {
    if (!n) return true;
    const type = sh.syntax.NodeType(n);
    if (type === 'Redirect') redirect(sh, n, dir, out);
    else if (type === 'CallExpr') call(sh, n, dir, out, depth);
    return true;
  });
}

function redirect(sh: Parser, n: Node, dir: Dir, out: ShellTargets): void {
  const isWrite = sh.writeOps.has(n.Op);
  const word = n.Word ? literal(sh, n.Word) : null;
  // `>&2` duplicates a descriptor; `>& file` is bash's `&> file`
  if (!isWrite && !(n.Op === sh.dupOp && word !== null && !/^(\d+|-)$/.test(word))) return;
  add(word, dir, out);
}

interface Dir {
  cwd: string;
  known: boolean;
}

function call(sh: Parser, n: Node, dir: Dir, out: ShellTargets, depth: number): void {
  const words: (string | null)[] = (n.Args ?? []).map((w: Node) => literal(sh, w));
  // wrappers that run the rest as a command
  while (words.length && words[0] !== null && WRAPPERS.has(path.basename(words[0]))) {
    const valued = WRAPPER_VALUE_FLAGS[path.basename(words.shift()!)];
    while (words.length && (words[0] === null || words[0].startsWith('-') || /^[A-Za-z_]\w*=/.test(words[0]))) {
      const flag = words.shift();
      if (flag && valued?.test(flag)) words.shift();
    }
  }
  if (!words.length) return;
  const [name, ...args] = words;
  if (name === null) {
    out.unknown = true;
    return;
  }
  const cmd = path.basename(name);
  if (cmd === 'cd') {
    const to = args[0];
    if (to === null || to === undefined || to === '-') dir.known = to === undefined ? dir.known : false;
    else if (dir.known) dir.cwd = path.resolve(dir.cwd, expandHome(to));
    return;
  }
  if ((cmd === 'sh' || cmd === 'bash' || cmd === 'zsh' || cmd === 'dash') && args.includes('-c')) {
    const script = args[args.indexOf('-c') + 1];
    if (script === null || script === undefined) out.unknown = true;
    else if (depth < MAX_DEPTH) collect(sh, script, dir.cwd, out, depth + 1);
    return;
  }
  if (cmd === 'eval') {
    if (args.some((a) => a === null)) out.unknown = true;
    else if (depth < MAX_DEPTH) collect(sh, args.join(' '), dir.cwd, out, depth + 1);
    return;
  }
  const targets = writerTargets(cmd, args, dir);
  if (targets === null) return;
  for (const t of targets) add(t, dir, out);
}

const WRAPPERS = new Set(['sudo', 'env', 'command', 'nohup', 'time', 'nice', 'exec', 'builtin', 'doas', 'xargs']);
/** A wrapper's options that take the next word as their value (`sudo -u me rm x`). */
const WRAPPER_VALUE_FLAGS: Record<string, RegExp> = {
  sudo: /^-[ugCDhprtUT]$/,
  doas: /^-[uC]$/,
  env: /^-[uCS]$/,
  nice: /^-n$/,
  time: /^-[fo]$/,
  exec: /^-a$/,
  xargs: /^-[IinPLsdEa]$/,
};

/**
 * A command's operands: the words that are not options, the value after an option that
 * `valueFlags` says takes one, and every word after `--` (a file may be named `-x`).
 */
function operandsOf(args: (string | null)[], valueFlags: RegExp): (string | null)[] {
  const res: (string | null)[] = [];
  let opts = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (opts && a === '--') {
      opts = false;
      continue;
    }
    if (opts && a?.startsWith('-') && a !== '-') {
      if (valueFlags.test(a)) i++;
      continue;
    }
    res.push(a);
  }
  return res;
}

/** The words a writer command writes, or null when the command writes nothing orch judges. */
function writerTargets(cmd: string, args: (string | null)[], dir: Dir): (string | null)[] | null {
  const operands = (valueFlags: RegExp = /^$/) => operandsOf(args, valueFlags);
  switch (cmd) {
    case 'tee':
    case 'rm':
    case 'touch':
    case 'unlink':
    case 'shred':
      return operands(cmd === 'touch' ? /^-[dtr]$/ : /^$/);
    case 'truncate':
      return operands(/^-[sr]$/);
    case 'mv':
      return operands(/^-[tS]$/);
    case 'cp': {
      const ops = operands(/^-[tS]$/);
      if (ops.length < 2) return [];
      const dest = ops[ops.length - 1];
      const sources = ops.slice(0, -1);
      if (dest === null) return [null];
      const destAbs = path.resolve(dir.cwd, dest);
      const isDir = sources.length > 1 || dest.endsWith('/') || isDirectory(destAbs);
      return isDir ? sources.map((s) => (s === null ? null : path.join(dest, path.basename(s)))) : [dest];
    }
    case 'sed':
      return inPlace(args, /^(-[a-zA-Z]*i|--in-place)/, /^-[ef]$|^--(expression|file)$/);
    case 'perl':
      return inPlace(args, /^-[a-zA-Z]*i/, /^-[eEM]$|^-[a-zA-Z]*[eE]$/);
    case 'git':
      return gitTargets(args);
    default:
      return null;
  }
}

/** sed/perl: only with -i; the files follow the options and the script. */
function inPlace(args: (string | null)[], flag: RegExp, scriptFlag: RegExp): (string | null)[] | null {
  if (!args.some((a) => a !== null && flag.test(a))) return null;
  let scriptGiven = false;
  const files: (string | null)[] = [];
  let opts = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (opts && a === '--') {
      opts = false;
      continue;
    }
    if (opts && a?.startsWith('-') && a.length > 1) {
      if (scriptFlag.test(a)) {
        scriptGiven = true;
        i++;
      } else if (/^-[a-zA-Z]*[ef]$/.test(a) && !/^-[a-zA-Z]*i$/.test(a)) {
        scriptGiven = true;
        i++;
      }
      continue;
    }
    if (!scriptGiven) {
      scriptGiven = true; // the first operand is the script
      continue;
    }
    files.push(a);
  }
  return files;
}

function gitTargets(args: (string | null)[]): (string | null)[] | null {
  // global options before the subcommand (`git -C dir …` changes where paths are: unknown)
  let i = 0;
  while (i < args.length && args[i] !== null && args[i]!.startsWith('-')) {
    if (args[i] === '-C') return [null];
    if (args[i] === '-c') return gitTargets(args.slice(i + 2));
    i++;
  }
  const sub = args[i];
  const rest = args.slice(i + 1);
  const afterDashes = () => {
    const k = rest.indexOf('--');
    return k < 0 ? null : rest.slice(k + 1);
  };
  switch (sub) {
    case 'checkout':
      // only `git checkout [<rev>] -- <paths>` rewrites files; a branch switch is git's business
      return afterDashes();
    case 'restore':
      return operandsOf(rest, /^(-s|--source)$/);
    case 'rm':
    case 'mv':
      return operandsOf(rest, /^$/);
    default:
      return null;
  }
}

// ---------------------------------------------------------------- words

/** A word's value when it needs no run-time expansion, else null; globs stay as written. */
function literal(sh: Parser, word: Node): string | null {
  let s = '';
  for (const part of word.Parts ?? []) {
    const type = sh.syntax.NodeType(part);
    if (type === 'Lit') s += part.Value.replace(/\\([*?[])/g, `${QUOTED}$1`).replace(/\\(.)/g, '$1');
    else if (type === 'SglQuoted' && !part.Dollar) s += quoteGlob(part.Value);
    else if (type === 'DblQuoted') {
      for (const inner of part.Parts ?? []) {
        if (sh.syntax.NodeType(inner) !== 'Lit') return null;
        s += quoteGlob(inner.Value.replace(/\\([\\$`"])/g, '$1'));
      }
    } else return null;
  }
  return s;
}

/** Quoted glob characters are plain characters: marked so that `add` does not expand them. */
const QUOTED = '\u0000';
function quoteGlob(v: string): string {
  return v.replace(/[*?[]/g, (c) => QUOTED + c);
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(process.env.HOME ?? '~', p.slice(1)) : p;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function add(word: string | null, dir: Dir, out: ShellTargets): void {
  if (word === null || word === '' || !dir.known) {
    out.unknown = true;
    return;
  }
  const abs = path.resolve(dir.cwd, expandHome(word));
  const plain = (p: string) => p.split(QUOTED).join('');
  const globIn = (p: string) => /(^|[^\u0000])[*?[]/.test(p);
  if (globIn(path.dirname(abs))) {
    out.unknown = true;
    return;
  }
  if (!globIn(path.basename(abs))) {
    out.paths.push(plain(abs));
    return;
  }
  // a glob in the last segment: what it matches now
  const parent = plain(path.dirname(abs));
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    out.paths.push(plain(abs));
    return;
  }
  const pattern = path.basename(abs).replace(/\u0000(.)/g, '\\$1');
  const match = picomatch(pattern, { dot: false });
  const hits = names.filter((n) => match(n));
  if (!hits.length) out.paths.push(plain(abs)); // no match: the shell passes the word as written
  for (const h of hits) out.paths.push(path.join(parent, h));
}
