import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packedTarball } from '../helpers/packedTarball.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('npm pack → install the tarball into a fresh repository → commit through its hooks', () => {
  const repo = tempRepo({ init: false, bin: false });
  const tarball = packedTarball();
  expect(fs.existsSync(tarball)).toBe(true);

  repo.write('package.json', JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  repo.write('.gitignore', 'node_modules\n');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', tarball], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...repo.env, npm_config_cache: path.join(process.env.HOME ?? '/root', '.npm') },
  });
  expect(install.status, install.stdout + install.stderr).toBe(0);
  const bin = path.join(repo.dir, 'node_modules/.bin/orch');
  expect(fs.existsSync(bin)).toBe(true);
  expect(fs.existsSync(path.join(repo.dir, 'node_modules/orchguard/schema.json'))).toBe(true);

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(bin, args, { cwd: repo.dir, encoding: 'utf8', env: { ...repo.env, ...env } });
  expect(run(['init']).status).toBe(0);
  expect(fs.readFileSync(path.join(repo.dir, '.git/hooks/pre-commit'), 'utf8')).toContain('node_modules/.bin/orch');
  expect(run(['lock', 'server.js'], { ORCH_AGENT: 'backend-architect' }).status).toBe(0);
  repo.write('server.js', 'console.log(1)\n');
  repo.ok(['add', 'server.js']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('server.js is locked by backend-architect');
  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'backend-architect' } });
  expect(ok.code, ok.out).toBe(0);
});
