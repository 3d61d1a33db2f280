// Fix lines are commands to run: with a project-local install (no orch on PATH) they read
// `npx orch …` and run as printed; with orch on PATH they read `orch …`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a local install prints `npx orch …`, and the printed fix works; orch on PATH prints `orch …`', () => {
  const repo = tempRepo({ init: false, bin: false });
  repo.write('package.json', JSON.stringify({ name: 'app', private: true, devDependencies: { orchguard: '*' } }));
  repo.write('.gitignore', 'node_modules\n');
  fs.mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(ORCH_BIN, path.join(repo.dir, 'node_modules/.bin/orch'));
  const local = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(path.join(repo.dir, 'node_modules/.bin/orch'), args, {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...repo.env, ...env },
    });
  expect(local(['init']).status).toBe(0);
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'Set up']);

  expect(local(['lock', 'src/app.ts'], { ORCH_AGENT: 'backend-architect' }).status).toBe(0);
  repo.write('src/app.ts', 'export {};\n');
  repo.ok(['add', 'src/app.ts']);
  // a person commits through the installed hook
  const blocked = repo.commit('Edit the app');
  expect(blocked.code).toBe(1);
  const fix = /→ (.*unlock.*)$/m.exec(blocked.stderr)?.[1];
  expect(fix).toMatch(/^npx orch unlock src\/app\.ts --steal --reason "<why>"$/);
  expect(blocked.stderr).toContain('More: npx orch explain lock-conflict');
  expect(blocked.stderr.replaceAll('npx orch ', '')).not.toMatch(/orch (unlock|explain)/);

  // the printed command runs as printed in the user's shell (orch is not on its PATH)
  expect(spawnSync('sh', ['-c', 'command -v orch'], { cwd: repo.dir, env: repo.env }).status).not.toBe(0);
  const ran = spawnSync('sh', ['-c', fix!.replace('<why>', 'holder is away')], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: repo.env,
  });
  expect(ran.status, ran.stdout + ran.stderr).toBe(0);
  expect(repo.read('WORK_STATUS.md')).not.toContain('| src/app.ts | backend-architect');

  // an error's hint too
  const usage = local(['lock']);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('npx orch lock --help');

  // orch on PATH (a global install): the plain form
  const bin = path.join(path.dirname(repo.dir), 'global-bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(ORCH_BIN, path.join(bin, 'orch'));
  expect(local(['lock', 'src/app.ts'], { ORCH_AGENT: 'backend-architect' }).status).toBe(0);
  const conflict = local(['lock', 'src/app.ts'], {
    ORCH_AGENT: 'frontend-developer',
    PATH: `${bin}${path.delimiter}${repo.env.PATH}`,
  });
  expect(conflict.status).toBe(1);
  expect(conflict.stderr).toMatch(/More: orch explain lock-conflict/);
  expect(conflict.stderr).not.toContain('npx orch');
});
