// Real git in throw-away repositories: each test gets its own, with its own identity,
// no inherited GIT_* or ORCH_* variables, no global or system config, and orch on PATH.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyTemplate, templateFor } from './repoTemplates.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ORCH_BIN = path.join(ROOT, 'bin/orch.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for assertions that do not care which. */
  out: string;
}

export interface TempRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  git(args: string[], opts?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): Run;
  /** git that must succeed. */
  ok(args: string[], opts?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): string;
  orch(args: string[], opts?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): Run;
  write(file: string, content: string | Buffer): void;
  read(file: string): string;
  commit(message: string, opts?: { env?: NodeJS.ProcessEnv; args?: string[] }): Run;
  cleanup(): void;
}

const made: string[] = [];

export function baseEnv(home: string, bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('GIT_') || k.startsWith('ORCH_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
    // Node.js parses every certificate of this bundle as it starts, before any code runs:
    // a tenth of a second of CPU per process on a small machine, in every orch and hook
    // process a test starts. Neither orch nor a test makes a TLS connection of its own.
    if (k === 'NODE_EXTRA_CA_CERTS') continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    NO_COLOR: '1',
  };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

export interface TempRepoOptions {
  /** run `orch init` after the first setup (default true) */
  init?: boolean;
  /** put orch on PATH (default true) */
  bin?: boolean;
  name?: string;
  bare?: boolean;
  /** commit what init created, as a person (default true) */
  commitSetup?: boolean;
}

/** The handle of a temp repository under `base` (its home, bin and repository directories). */
function handle(base: string, name: string): TempRepo {
  const home = path.join(base, 'home');
  const bin = path.join(base, 'bin');
  const dir = path.join(base, name);
  const env = baseEnv(home, bin);
  const repo: TempRepo = {
    dir,
    env,
    git: (args, o = {}) => run('git', args, o.cwd ?? dir, { ...env, ...o.env }, o.input),
    ok(args, o = {}) {
      const r = repo.git(args, o);
      if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.out}`);
      return r.stdout;
    },
    orch: (args, o = {}) => run(process.execPath, [ORCH_BIN, ...args], o.cwd ?? dir, { ...env, ...o.env }, o.input),
    write(file, content) {
      const p = path.join(dir, file);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    },
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    commit: (message, o = {}) =>
      run('git', ['commit', '-q', '-m', message, ...(o.args ?? [])], dir, { ...env, ...o.env }),
    cleanup() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  return repo;
}

/** The set-up every temp repository starts from: git init, an identity, orch init, the first commit. */
function setUp(base: string, name: string, options: TempRepoOptions): void {
  fs.mkdirSync(path.join(base, 'home'));
  fs.mkdirSync(path.join(base, 'bin'));
  fs.mkdirSync(path.join(base, name));
  if (options.bin !== false) fs.symlinkSync(ORCH_BIN, path.join(base, 'bin', 'orch'));
  const repo = handle(base, name);
  repo.ok(options.bare ? ['init', '-q', '--bare', '-b', 'main'] : ['init', '-q', '-b', 'main']);
  for (const [k, v] of [
    ['user.name', 'Test Person'],
    ['user.email', 'person@example.test'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ]) {
    repo.ok(['config', k, v]);
  }
  if (options.init !== false && !options.bare) {
    const r = repo.orch(['init']);
    if (r.code !== 0) throw new Error(`orch init failed: ${r.out}`);
    // as in a real project, a person commits the set-up (agents may not change the config)
    if (options.commitSetup !== false) {
      repo.ok(['add', '.orchrc.json', 'WORK_STATUS.md', 'orchestration-index.md', '.gitattributes']);
      repo.ok(['commit', '-q', '-m', 'Set up orch']);
    }
  }
}

/**
 * A fresh repository of its own for one test: home, bin and repository directories under a
 * new temp directory, set up as `setUp` does. Within a test run the set-up is made once per
 * kind (see repoTemplates.ts) and copied, which gives each test the same files a set-up of
 * its own would.
 */
export function tempRepo(options: TempRepoOptions = {}): TempRepo {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-test-'));
  made.push(base);
  const name = options.name ?? 'repo';
  const template = templateFor(options, name, (at) => setUp(at, name, options));
  if (template) copyTemplate(template, base);
  else setUp(base, name, options);
  return handle(base, name);
}

/** Removes every temp repository made by this test file. */
export function cleanupAll(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
