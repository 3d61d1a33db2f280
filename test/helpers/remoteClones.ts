// Remote mode for integration tests: a bare "server" whose main branch carries an orch
// configuration with `locks.remote: "origin"` and whose lock branch exists, and clones
// of it, each with orch's hooks installed — as separate machines would have them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installHook } from './rangeHooks.js';
import { ORCH_BIN, tempRepo, type Run, type TempRepo } from './tempRepo.js';

export interface LockServer {
  server: TempRepo;
  /** The clone that set the project up (a person's). */
  seed: TempRepo;
}

/**
 * @param options.preReceive  install `orch hook pre-receive` on the server
 * @param options.locks  extra `locks` configuration keys
 */
export function lockServer(
  options: { preReceive?: boolean; locks?: Record<string, unknown>; rules?: Record<string, string> } = {},
): LockServer {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const seed = tempRepo({ name: 'seed' });
  const config = JSON.parse(seed.read('.orchrc.json'));
  config.locks = { ...(config.locks ?? {}), remote: 'origin', ...options.locks };
  if (options.rules) config.rules = { ...(config.rules ?? {}), ...options.rules };
  seed.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  seed.ok(['commit', '-q', '-am', 'Share locks through origin']);
  seed.ok(['remote', 'add', 'origin', server.dir]);
  seed.ok(['push', '-q', 'origin', 'main']);
  const init = seed.orch(['init', '--remote', 'origin']);
  if (init.code !== 0) throw new Error(`orch init --remote failed: ${init.out}`);
  if (options.preReceive) installHook(server.dir, 'pre-receive');
  return { server, seed };
}

/** A clone of the server with orch's hooks, as an agent's machine has it. */
export function cloneOf(server: TempRepo, name: string): TempRepo {
  const repo = tempRepo({ init: false, name });
  const parent = path.dirname(repo.dir);
  fs.rmSync(repo.dir, { recursive: true, force: true });
  repo.ok(['clone', '-q', server.dir, repo.dir], { cwd: parent });
  for (const [k, v] of [
    ['user.name', `Person of ${name}`],
    ['user.email', `${name}@example.test`],
    ['commit.gpgsign', 'false'],
  ]) {
    repo.ok(['config', k, v]);
  }
  const r = repo.orch(['init']);
  if (r.code !== 0) throw new Error(`orch init in ${name} failed: ${r.out}`);
  return repo;
}

/** The lock branch's status file as the server has it. */
export function serverTable(server: TempRepo): string {
  return server.ok(['show', 'refs/heads/orch/locks:WORK_STATUS.md']);
}

/** Lock rows of a status text whose path starts with `prefix`. */
export function rows(text: string, prefix = ''): string[] {
  return text.split('\n').filter((l) => l.startsWith(`| ${prefix}`) && !/^\| (Path|---)/.test(l));
}

/** orch in a process of its own, not waiting for it: for operations raced against each other. */
export function orchAsync(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ORCH_BIN, ...args], { cwd: repo.dir, env: { ...repo.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr, out: stdout + stderr }));
  });
}
