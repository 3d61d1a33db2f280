// Hooks and `orch ci` for range tests: a pre-push hook in a clone, a pre-receive hook in
// a bare server repository, and `orch ci` in a process of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ORCH_BIN, type Run, type TempRepo } from './tempRepo.js';

/** Installs `orch hook <name>` as a sh hook in a git dir (a clone's .git, or a bare repository). */
export function installHook(gitDir: string, name: 'pre-push' | 'pre-receive'): void {
  const hook = path.join(gitDir, 'hooks', name);
  fs.mkdirSync(path.dirname(hook), { recursive: true });
  fs.writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${ORCH_BIN}" hook ${name} "$@"\n`, { mode: 0o755 });
}

/** A bare "server" and a clone of it with orch set up and pushed, `origin` pointing at the server. */
export function serverAndClone(tempRepo: (o?: { bare?: boolean; name?: string }) => TempRepo): {
  server: TempRepo;
  repo: TempRepo;
} {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo();
  repo.ok(['remote', 'add', 'origin', server.dir]);
  repo.ok(['push', '-q', '-u', 'origin', 'main']);
  return { server, repo };
}

/** A commit made the way hooks are skipped: --no-verify, with the trailer an agent would write. */
export function commitNoVerify(repo: TempRepo, subject: string, agent?: string): string {
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '--no-verify', '-m', subject, ...(agent ? ['-m', `Agent: ${agent}`] : [])]);
  return repo.ok(['rev-parse', 'HEAD']).trim();
}

/** Writes a GitHub pull_request event payload and gives the environment a workflow step sees. */
export function githubPullRequest(repo: TempRepo, base: string, head: string, baseRef = 'main'): NodeJS.ProcessEnv {
  const file = path.join(path.dirname(repo.dir), 'event.json');
  const template = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/ci/github-pull_request.json'), 'utf8'),
  );
  template.pull_request.base.sha = base;
  template.pull_request.base.ref = baseRef;
  template.pull_request.head.sha = head;
  fs.writeFileSync(file, JSON.stringify(template));
  return { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, CI: 'true' };
}

let wired: boolean | undefined;

/**
 * `orch ci` through the built bundle once the CLI lists the command; until then through
 * the sources (test/helpers/ciEntry.ts) in a process of its own, with the same environment.
 */
export function orchCi(repo: TempRepo, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  wired ??= repo.orch(['ci', '--help']).code === 0;
  if (wired) return repo.orch(['ci', ...args], opts);
  const root = path.resolve(import.meta.dirname, '../..');
  const tsx = path.join(
    root,
    'node_modules/tsx',
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules/tsx/package.json'), 'utf8')).exports['./esm'],
  );
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(tsx).href, path.join(root, 'test/helpers/ciEntry.ts'), ...args],
    {
      cwd: opts.cwd ?? repo.dir,
      env: { ...repo.env, ...opts.env },
      encoding: 'utf8',
    },
  );
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}
