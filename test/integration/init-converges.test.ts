// `orch init` converges on what the person running it asked for: --strict on an existing
// set-up turns lock-required on (and says so); --remote turns remote mode on in the
// existing .orchrc.json; a broken configuration is exit 2 with its error.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('--strict and --remote on an existing set-up change the configuration; a broken one is exit 2', () => {
  const server = tempRepo({ bare: true, init: false, name: 'server.git' });
  const repo = tempRepo();
  repo.ok(['remote', 'add', 'origin', server.dir]);
  repo.ok(['push', '-q', 'origin', 'main']);
  const before = repo.read('.orchrc.json');

  const strict = repo.orch(['init', '--strict']);
  expect(strict.code, strict.out).toBe(0);
  expect(strict.stdout).toContain('turn lock-required on for every path (--strict)');
  const config = JSON.parse(repo.read('.orchrc.json'));
  expect(config.rules['lock-required']).toBe('error');
  expect(config.locks.required).toEqual(['**']);
  // everything else as it was
  expect({ ...config, rules: {}, locks: undefined }).toEqual({ ...JSON.parse(before), rules: {}, locks: undefined });
  // and it binds: an unlocked change is blocked now
  repo.ok(['add', '.orchrc.json']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'strict']);
  repo.write('src/x.ts', 'export {};\n');
  repo.ok(['add', 'src/x.ts']);
  const blocked = repo.commit('x', { env: { ORCH_AGENT: 'frontend-developer' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('lock-required');
  repo.ok(['reset', '-q']);
  expect(repo.orch(['init', '--strict']).stdout).toContain('Nothing to change');

  const remote = repo.orch(['init', '--remote', 'origin']);
  expect(remote.code, remote.out).toBe(0);
  expect(JSON.parse(repo.read('.orchrc.json')).locks).toEqual({ required: ['**'], remote: 'origin' });
  expect(repo.orch(['status'], { env: { ORCH_AGENT: 'a' } }).code).toBe(0);

  fs.writeFileSync(path.join(repo.dir, '.orchrc.json'), '{ "rules": { "lock-conflict": "eror" } }\n');
  const broken = repo.orch(['init']);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('.orchrc.json');
  expect(broken.stderr).toContain('rules.lock-conflict');
  expect(broken.stdout).not.toContain('Nothing to change');
});
