import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, ROOT, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

/** A monorepo whose only package.json is in web/, with orch installed there and not on PATH. */
function monorepo(): TempRepo {
  const repo = tempRepo({ init: false, bin: false });
  repo.write(
    'web/package.json',
    JSON.stringify({ name: 'web', private: true, devDependencies: { orchguard: '*', husky: '9' } }),
  );
  fs.mkdirSync(path.join(repo.dir, 'web/node_modules/.bin'), { recursive: true });
  fs.symlinkSync(ORCH_BIN, path.join(repo.dir, 'web/node_modules/.bin/orch'));
  repo.write('.gitignore', 'node_modules\n');
  repo.write('api/main.go', 'package main\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'base']);
  return repo;
}

function webOrch(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(path.join(repo.dir, 'web/node_modules/.bin/orch'), args, {
    cwd: path.join(repo.dir, 'web'),
    env: { ...repo.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, out: r.stdout + r.stderr, stdout: r.stdout };
}

function blocksAndAllows(repo: TempRepo): void {
  expect(webOrch(repo, ['lock', '../api/main.go'], { ORCH_AGENT: 'go-dev' }).code).toBe(0); // relative to web/
  repo.write('api/main.go', 'package main\n\nfunc main() {}\n');
  repo.ok(['add', 'api/main.go']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'web-dev' } });
  expect(blocked.code).not.toBe(0);
  expect(blocked.out).toContain('api/main.go is locked by go-dev');
  // committing from inside the package behaves the same
  const fromWeb = repo.git(['commit', '-q', '-m', 'blocked too'], {
    cwd: path.join(repo.dir, 'web'),
    env: { ORCH_AGENT: 'web-dev' },
  });
  expect(fromWeb.code).not.toBe(0);
  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'go-dev' } });
  expect(ok.code, ok.out).toBe(0);
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: go-dev');
}

it('plain git: the hooks find orch in the package folder', () => {
  const repo = monorepo();
  const init = webOrch(repo, ['init']);
  expect(init.code, init.out).toBe(0);
  expect(fs.readFileSync(path.join(repo.dir, '.git/hooks/pre-commit'), 'utf8')).toContain(
    "hints='web/node_modules/.bin/orch'",
  );
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(true); // at the top, not in web/
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);
  blocksAndAllows(repo);
});

it('husky installed from the package folder (core.hooksPath web/.husky/_): orch goes into web/.husky', () => {
  const repo = monorepo();
  fs.symlinkSync(path.join(ROOT, 'node_modules/husky'), path.join(repo.dir, 'web/node_modules/husky'));
  // what `"prepare": "cd .. && husky web/.husky"` does
  const h = spawnSync(process.execPath, ['web/node_modules/husky/bin.js', 'web/.husky'], {
    cwd: repo.dir,
    env: repo.env,
    encoding: 'utf8',
  });
  expect(h.status, h.stdout + h.stderr).toBe(0);
  expect(repo.ok(['config', 'core.hooksPath']).trim()).toBe('web/.husky/_');
  repo.write('web/.husky/pre-commit', 'echo "web checks ran"\n');

  const init = webOrch(repo, ['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toContain('Hooks: husky (web/.husky).');
  const hook = repo.read('web/.husky/pre-commit');
  expect(hook).toContain('web/node_modules/.bin/orch hook pre-commit "$@"');
  expect(hook).toContain('echo "web checks ran"');
  expect(fs.existsSync(path.join(repo.dir, '.husky'))).toBe(false);
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);
  blocksAndAllows(repo);
  expect(webOrch(repo, ['doctor'], { ORCH_AGENT: 'go-dev' }).out).toContain('husky runs orch (web/.husky/pre-commit)');
});
