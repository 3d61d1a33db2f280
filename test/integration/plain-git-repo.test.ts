import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('without package.json: installs a sh hook in the hooks directory git uses, chaining the existing hook', () => {
  const repo = tempRepo({ init: false });
  const hooks = path.join(repo.dir, '.git/hooks');
  fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho "previous hook ran with $# args" >&2\n', {
    mode: 0o755,
  });

  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toContain('rename .git/hooks/pre-commit → .git/hooks/pre-commit.orch-chained');
  const shim = fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8');
  expect(shim.startsWith('#!/bin/sh')).toBe(true);
  expect(shim).not.toContain('npx');
  expect(fs.existsSync(path.join(hooks, 'pre-commit.orch-chained'))).toBe(true);
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(true);
  expect(JSON.parse(repo.read('.orchrc.json')).$schema).toContain('schema.json');
  // idempotent
  expect(repo.orch(['init']).stdout).toContain('Nothing to change');

  expect(repo.orch(['lock', 'main.go'], { env: { ORCH_AGENT: 'go-dev' } }).code).toBe(0);
  repo.write('main.go', 'package main\n');
  repo.ok(['add', 'main.go']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'other' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('previous hook ran');
  expect(blocked.stderr).toContain('main.go is locked by go-dev');

  const allowed = repo.commit('allowed', { env: { ORCH_AGENT: 'go-dev' } });
  expect(allowed.code, allowed.out).toBe(0);
});

it('honours core.hooksPath', () => {
  const repo = tempRepo({ init: false });
  repo.ok(['config', 'core.hooksPath', 'githooks']);
  expect(repo.orch(['init']).code).toBe(0);
  expect(fs.existsSync(path.join(repo.dir, 'githooks/pre-commit'))).toBe(true);
  expect(fs.existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
});

it('a hook that cannot find orch fails loudly instead of passing', () => {
  const repo = tempRepo({ init: true });
  repo.write('a.txt', 'a\n');
  repo.ok(['add', 'a.txt']);
  const env = { PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin:/bin' };
  const r = repo.commit('no orch', { env });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('orch was not found');
  expect(r.stderr).toContain('npm i');
});
