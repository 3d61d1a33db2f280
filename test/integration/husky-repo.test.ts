import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, ROOT, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('with husky: adds orch to .husky/pre-commit before existing commands and blocks through it', () => {
  // orch is NOT on PATH: husky puts node_modules/.bin on PATH, and that is where it is
  const repo = tempRepo({ init: false, bin: false });
  repo.write(
    'package.json',
    JSON.stringify({ name: 'app', private: true, devDependencies: { husky: '9', orchguard: '*' } }),
  );
  fs.mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules/husky'), path.join(repo.dir, 'node_modules/husky'));
  fs.symlinkSync(ORCH_BIN, path.join(repo.dir, 'node_modules/.bin/orch'));
  repo.write('.gitignore', 'node_modules\n');
  const h = spawnNode(repo, ['node_modules/husky/bin.js']);
  expect(h.code, h.out).toBe(0);
  repo.write('.husky/pre-commit', 'echo "existing lint step ran"\n');

  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  const hookFile = repo.read('.husky/pre-commit');
  expect(hookFile.split('\n').slice(0, 2)).toEqual([
    '# >>> orch (managed by orch init)',
    'orch hook pre-commit "$@" || exit $?',
  ]);
  expect(hookFile).toContain('echo "existing lint step ran"');
  expect(repo.orch(['init']).stdout).toContain('Nothing to change'); // idempotent
  expect(repo.read('.husky/pre-commit')).toBe(hookFile);

  expect(repo.orch(['lock', 'src/app.ts'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  repo.write('src/app.ts', 'export {}\n');
  repo.ok(['add', 'src/app.ts']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'other' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('src/app.ts is locked by holder');
  expect(blocked.out).not.toContain('existing lint step ran'); // orch ran first and stopped it

  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'holder' } });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toContain('existing lint step ran');

  // doctor sees husky's stubs
  const doctor = repo.orch(['doctor'], {
    env: {
      ORCH_AGENT: 'holder',
      PATH: `${path.join(repo.dir, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  expect(doctor.stdout).toContain('husky runs orch');
});

function spawnNode(repo: TempRepo, args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  return { code: r.status ?? 1, out: r.stdout + r.stderr };
}
