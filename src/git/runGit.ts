// The one place that runs git. Everything else describes a query (arguments plus a pure
// parser) and hands it here, so parsers are testable without spawning anything.
import type { spawn as Spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { OrchError } from '../errors.js';

export interface GitOptions {
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /**
   * "inherit" keeps GIT_DIR, GIT_INDEX_FILE and friends, which a hook must use to see the
   * index git is committing from. "clean" strips every GIT_* variable, for git processes
   * that work on another repository (a temp clone, the remote's lock branch).
   */
  env?: 'inherit' | 'clean';
  /** Extra variables, applied after the mode above. */
  extraEnv?: Record<string, string>;
  /** Exit codes that are answers, not failures (e.g. 1 for "not found"). */
  okCodes?: number[];
}

// node:child_process is loaded at the first git process, not at start: the edit-time
// check usually starts none, and loading the module costs it a few milliseconds
let childLoaded: typeof import('node:child_process') | undefined;
function childProcess(): typeof import('node:child_process') {
  return (childLoaded ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process'));
}

function spawnFn(): typeof Spawn {
  return childProcess().spawn;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

// Reading process.env crosses into C++ for every variable: a hook that starts five git
// processes copies it once per mode (orch never changes its own environment).
const bases: Partial<Record<'inherit' | 'clean', { source: NodeJS.ProcessEnv; env: NodeJS.ProcessEnv }>> = {};

export function gitEnv(mode: 'inherit' | 'clean', extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  let base = bases[mode];
  if (!base || base.source !== process.env) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (mode === 'clean') {
      for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
    }
    // git must never stop to ask anything inside a hook or CI.
    env.GIT_TERMINAL_PROMPT = '0';
    // orch judges the objects that are really there: a pushed refs/replace/<evil> would
    // otherwise make git show a benign commit in place of the one being accepted
    env.GIT_NO_REPLACE_OBJECTS = '1';
    bases[mode] = base = { source: process.env, env };
  }
  return { ...base.env, ...extra };
}

/**
 * ORCH_DEBUG=git (or 1, or all; a comma-separated list may name several) prints each git
 * command orch runs, its duration and exit code to stderr: the way to see what a commit,
 * a push or a range check asked git. Read on every call: tests and the library may set it
 * after this module loaded.
 */
function tracing(): boolean {
  const v = process.env.ORCH_DEBUG;
  return !!v && v.split(',').some((w) => ['git', '1', 'all'].includes(w.trim().toLowerCase()));
}

/** An argument as sh reads it back: plain when it is safe, else in single quotes (so the line can be pasted). */
function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

function trace(args: string[], cwd: string, started: number, code: number | string): void {
  const ms = (performance.now() - started).toFixed(1);
  process.stderr.write(`orch: git ${args.map(quoteArg).join(' ')}  (${ms} ms, exit ${code}; in ${cwd})\n`);
}

export async function runGit(args: string[], options: GitOptions): Promise<GitResult> {
  const r = await runGitBuffer(args, options);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

/** As runGit, with stdout kept as bytes (blob contents must not pass through a text decoder). */
export async function runGitBuffer(
  args: string[],
  options: GitOptions,
): Promise<{ stdout: Buffer; stderr: string; code: number }> {
  const out: Buffer[] = [];
  const r = await runGitStream(args, options, (b) => out.push(b));
  return { ...r, stdout: Buffer.concat(out) };
}

/**
 * As runGit, with stdout handed to `onStdout` chunk by chunk as it arrives (output too
 * large to hold at once). Rejects with GitError on a failing exit code, after the chunks.
 */
export function runGitStream(
  args: string[],
  options: GitOptions,
  onStdout: (chunk: Buffer) => void,
): Promise<{ stderr: string; code: number }> {
  const traced = tracing();
  const started = traced ? performance.now() : 0;
  return new Promise((resolve, reject) => {
    const child = spawnFn()('git', args, {
      cwd: options.cwd,
      env: gitEnv(options.env ?? 'inherit', options.extraEnv),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const err: Buffer[] = [];
    let failed: unknown = null;
    child.stdout.on('data', (b: Buffer) => {
      if (failed) return;
      try {
        onStdout(b);
      } catch (e) {
        // a consumer that cannot go on: stop git rather than read the rest
        failed = e;
        child.kill();
      }
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (traced) trace(args, options.cwd, started, e.code ?? 'error');
      reject(
        new OrchError(
          e.code === 'ENOENT' ? 'git was not found on PATH.' : `could not run git ${args[0]}: ${e.message}`,
          { hint: 'Install git and make sure it is on PATH.' },
        ),
      );
    });
    child.stdin.on('error', () => {
      /* git may exit before reading all input; its exit code tells the story */
    });
    child.on('close', (code, signal) => {
      if (traced) trace(args, options.cwd, started, code ?? signal ?? 'none');
      if (failed) return reject(failed);
      const result = { stderr: Buffer.concat(err).toString('utf8'), code: code ?? 128 };
      if (result.code === 0 || options.okCodes?.includes(result.code)) resolve(result);
      else reject(new GitError(args, { ...result, stdout: '' }));
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * git, synchronously, for the rare caller that cannot wait (see indexedTextSync). Never
 * throws: a git that cannot start or fails is reported in `code` (-1: it did not start).
 */
export function runGitSync(
  args: string[],
  options: Pick<GitOptions, 'cwd' | 'env' | 'extraEnv'> & { maxBuffer?: number },
): { stdout: Buffer; stderr: string; code: number } {
  const traced = tracing();
  const started = traced ? performance.now() : 0;
  const r = childProcess().spawnSync('git', args, {
    cwd: options.cwd,
    env: gitEnv(options.env ?? 'inherit', options.extraEnv),
    maxBuffer: options.maxBuffer ?? 64 << 20,
  });
  const code = r.error ? -1 : (r.status ?? 128);
  if (traced)
    trace(
      args,
      options.cwd,
      started,
      r.error ? ((r.error as NodeJS.ErrnoException).code ?? 'error') : (r.status ?? r.signal ?? 'none'),
    );
  return { stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr ? r.stderr.toString('utf8') : '', code };
}

export class GitError extends OrchError {
  readonly result: GitResult;
  readonly args: string[];
  constructor(args: string[], result: GitResult) {
    const firstLine = result.stderr.trim().split('\n')[0] || `exit code ${result.code}`;
    super(`git ${args.slice(0, 2).join(' ')} failed: ${firstLine}`);
    this.args = args;
    this.result = result;
  }
}

/** A git question: its arguments and a pure parser of what git prints. */
export interface GitQuery<T> {
  args: string[];
  parse(stdout: string): T;
  okCodes?: number[];
}

export async function ask<T>(query: GitQuery<T>, options: GitOptions): Promise<T> {
  const { stdout } = await runGit(query.args, { ...options, okCodes: query.okCodes ?? options.okCodes });
  return query.parse(stdout);
}
