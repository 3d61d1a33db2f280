import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packedTarball } from '../helpers/packedTarball.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a repository without package.json, with orch installed globally (npm i -g) and found on PATH only, blocks', () => {
  const repo = tempRepo({ init: false, bin: false });
  const base = path.dirname(repo.dir);
  const prefix = path.join(base, 'global');
  const tarball = packedTarball();
  const install = spawnSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', '--ignore-scripts', tarball],
    {
      cwd: base,
      encoding: 'utf8',
      env: { ...repo.env, npm_config_cache: path.join(process.env.HOME ?? '/root', '.npm') },
    },
  );
  expect(install.status, install.stdout + install.stderr).toBe(0);
  const globalBin = path.join(prefix, 'bin');
  expect(fs.existsSync(path.join(globalBin, 'orch'))).toBe(true);

  // PATH as a developer's shell has it: node, git and the global bin directory; nothing else of orch
  const env = { PATH: [globalBin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter) };
  const orch = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync('orch', args, { cwd: repo.dir, env: { ...repo.env, ...env, ...extra }, encoding: 'utf8' });
  repo.write('main.go', 'package main\n');
  const init = orch(['init']);
  expect(init.status, init.stdout + init.stderr).toBe(0);
  expect(init.stdout).toContain("Hooks: orch's own");
  expect(fs.existsSync(path.join(repo.dir, 'package.json'))).toBe(false);
  expect(fs.existsSync(path.join(repo.dir, 'node_modules'))).toBe(false);
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up', { env }).code).toBe(0);

  expect(orch(['lock', 'main.go', '--task', 'T-1'], { ORCH_AGENT: 'go-dev' }).status).toBe(0);
  repo.write('main.go', 'package main\n\nfunc main() {}\n');
  repo.ok(['add', 'main.go']);
  const blocked = repo.commit('blocked', { env: { ...env, ORCH_AGENT: 'other' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('main.go is locked by go-dev');
  const ok = repo.commit('allowed', { env: { ...env, ORCH_AGENT: 'go-dev' } });
  expect(ok.code, ok.out).toBe(0);
});
