import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, baseEnv } from '../helpers/tempRepo.js';

it('npm run demo shows the blocked commit and then the allowed one', () => {
  const env = baseEnv(process.env.HOME ?? '/tmp', path.join(ROOT, 'node_modules/.bin'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, env, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain('lock-conflict');
  expect(r.stdout).toContain('is locked by backend-architect');
  expect(r.stdout).toContain('the foreign commit was blocked (exit 1)');
});
