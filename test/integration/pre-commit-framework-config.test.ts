import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { ROOT, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const CONFIG = `# pre-commit configuration of a Python service
repos:
  # formatting first
  - repo: https://github.com/psf/black
    rev: 24.1.0
    hooks:
      - id: black
`;

it('with the pre-commit framework: writes a local orch entry into .pre-commit-config.yaml, keeping comments', () => {
  const repo = tempRepo({ init: false });
  repo.write('.pre-commit-config.yaml', CONFIG);

  const dry = repo.orch(['init', '--dry-run']);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.stdout).toContain('Hooks: the pre-commit framework (.pre-commit-config.yaml, hooks not installed yet).');
  expect(dry.stdout).toContain('repo: local → id: orch, entry: orch hook pre-commit, stages: [pre-commit]');
  expect(repo.read('.pre-commit-config.yaml')).toBe(CONFIG);

  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toContain('pre-commit install');
  const text = repo.read('.pre-commit-config.yaml');
  expect(text).toContain('# pre-commit configuration of a Python service');
  expect(text).toContain('# formatting first');
  const cfg = parse(text);
  expect(cfg.repos[0].repo).toBe('local');
  expect(cfg.repos[0].hooks[0]).toEqual({
    id: 'orch',
    name: 'orch: locks, contract owners and the protocol',
    entry: 'orch hook pre-commit',
    language: 'system',
    pass_filenames: false,
    always_run: true,
    stages: ['pre-commit'],
  });
  expect(cfg.repos[0].hooks.map((h: { id: string }) => h.id)).toEqual(['orch', 'orch-commit-msg', 'orch-post-commit']);
  expect(cfg.repos[1]).toEqual({ repo: 'https://github.com/psf/black', rev: '24.1.0', hooks: [{ id: 'black' }] });
  expect(cfg.default_install_hook_types).toEqual(['pre-commit', 'commit-msg', 'post-commit']);
  expect(fs.existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false); // the framework owns the hooks
  expect(repo.orch(['init']).stdout).toContain('Nothing to change');

  // the entry does what the framework would run it for: from the top, no file names
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'Set up orch']);
  expect(repo.orch(['lock', 'app/models.py'], { env: { ORCH_AGENT: 'database-architect' } }).code).toBe(0);
  repo.write('app/models.py', 'x = 1\n');
  repo.ok(['add', 'app/models.py']);
  const [exe, ...args] = cfg.repos[0].hooks[0].entry.split(' ');
  const r = spawnSync(exe, args, {
    cwd: repo.dir,
    env: { ...repo.env, ORCH_AGENT: 'backend-architect' },
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('app/models.py is locked by database-architect');
});

it('ships .pre-commit-hooks.yaml for use as a remote repository, with the same hook ids', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const orch = hooks.find((h) => h.id === 'orch');
  expect(orch).toMatchObject({
    entry: 'orch hook pre-commit',
    pass_filenames: false,
    always_run: true,
    stages: ['pre-commit'],
  });
  expect(hooks.map((h) => h.id)).toEqual(['orch', 'orch-commit-msg', 'orch-post-commit']);
  for (const h of hooks) expect(typeof h.name === 'string' && typeof h.language === 'string').toBe(true);
});
