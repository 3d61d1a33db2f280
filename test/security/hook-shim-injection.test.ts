// A directory name, path or agent name is data: none is ever run as shell code by the hooks
// orch installs, the husky lines it adds, or the edit-time command it gives Claude Code.
// The reproduction: a package folder named `pkg$(touch INJECTED)` holding
// node_modules/.bin/orch ran `touch` on every commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, ROOT, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const PKG = 'pkg$(touch INJECTED)';

/** Every file named INJECTED under the test's own directory (repository, home, bin). */
function injected(repo: TempRepo): string[] {
  const base = path.dirname(repo.dir);
  return (fs.readdirSync(base, { recursive: true }) as string[]).filter((f) => path.basename(f).startsWith('INJECTED'));
}

/** A repository whose only orch install is in the package folder PKG; orch is not on PATH. */
function repoWithOddPackage(): TempRepo {
  const repo = tempRepo({ init: false, bin: false });
  repo.write(
    `${PKG}/package.json`,
    JSON.stringify({ name: 'pkg', private: true, devDependencies: { orchguard: '*' } }),
  );
  fs.mkdirSync(path.join(repo.dir, PKG, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(ORCH_BIN, path.join(repo.dir, PKG, 'node_modules/.bin/orch'));
  repo.write('.gitignore', 'node_modules\n');
  repo.write('api/main.go', 'package main\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'base']);
  return repo;
}

function pkgOrch(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(path.join(repo.dir, PKG, 'node_modules/.bin/orch'), args, {
    cwd: path.join(repo.dir, PKG),
    env: { ...repo.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, out: r.stdout + r.stderr };
}

/** The hooks run the package's orch (a lock blocks, the holder commits with trailers) and nothing else. */
function commitsAreCheckedAndNothingRuns(repo: TempRepo): void {
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);
  expect(pkgOrch(repo, ['lock', '../api/main.go'], { ORCH_AGENT: 'go-dev' }).code).toBe(0);
  repo.write('api/main.go', 'package main\n\nfunc main() {}\n');
  repo.ok(['add', 'api/main.go']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'web-dev' } });
  expect(blocked.code).not.toBe(0);
  expect(blocked.out).toContain('api/main.go is locked by go-dev');
  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'go-dev' } });
  expect(ok.code, ok.out).toBe(0);
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: go-dev');
  // an agent name that is shell code is not run either, whatever orch answers about it
  repo.write('docs/a.md', 'a\n');
  repo.ok(['add', 'docs/a.md']);
  repo.commit('odd agent', { env: { ORCH_AGENT: 'x$(touch INJECTED-agent)' } });
  expect(injected(repo)).toEqual([]);
}

it('git hooks installed by orch init: the package path is data, never code', () => {
  const repo = repoWithOddPackage();
  const init = pkgOrch(repo, ['init']);
  expect(init.code, init.out).toBe(0);
  expect(injected(repo)).toEqual([]);
  commitsAreCheckedAndNothingRuns(repo);
});

it('husky: the line orch adds quotes the package path', () => {
  const repo = repoWithOddPackage();
  fs.symlinkSync(path.join(ROOT, 'node_modules/husky'), path.join(repo.dir, PKG, 'node_modules/husky'));
  const h = spawnSync(process.execPath, [path.join(PKG, 'node_modules/husky/bin.js'), `${PKG}/.husky`], {
    cwd: repo.dir,
    env: repo.env,
    encoding: 'utf8',
  });
  expect(h.status, h.stdout + h.stderr).toBe(0);
  const init = pkgOrch(repo, ['init']);
  expect(init.code, init.out).toBe(0);
  expect(repo.read(`${PKG}/.husky/pre-commit`)).toContain(`'${PKG}/node_modules/.bin/orch' hook pre-commit`);
  commitsAreCheckedAndNothingRuns(repo);
});

it("Claude Code's edit hook: the command orch writes runs the package's orch and nothing else", () => {
  const repo = repoWithOddPackage();
  const init = pkgOrch(repo, ['init', '--agent-hooks', 'claude']);
  expect(init.code, init.out).toBe(0);
  expect(pkgOrch(repo, ['lock', '../api/main.go'], { ORCH_AGENT: 'go-dev' }).code).toBe(0);
  const settings = JSON.parse(repo.read('.claude/settings.json'));
  const command: string = settings.hooks.PreToolUse[0].hooks[0].command;
  // Claude Code runs the command through a shell, with the project directory set
  const input = JSON.stringify({
    hook_event_name: 'PreToolUse',
    cwd: repo.dir,
    tool_name: 'Edit',
    tool_input: { file_path: path.join(repo.dir, 'api/main.go') },
  });
  const r = spawnSync('sh', ['-c', command], {
    cwd: repo.dir,
    env: { ...repo.env, CLAUDE_PROJECT_DIR: repo.dir, ORCH_AGENT: 'web-dev' },
    input,
    encoding: 'utf8',
  });
  // Claude Code's own form of "no": a JSON permission decision on stdout
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const answer = JSON.parse(r.stdout);
  expect(answer.hookSpecificOutput.permissionDecision).toBe('deny');
  expect(answer.hookSpecificOutput.permissionDecisionReason).toContain('api/main.go is locked by go-dev');
  expect(injected(repo)).toEqual([]);
});
