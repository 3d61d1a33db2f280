import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('with simple-git-hooks: puts orch in front of the package.json commands; the hooks it writes from them block a locked path', () => {
  const repo = tempRepo({ init: false });
  const pkg = {
    name: 'app',
    private: true,
    scripts: { prepare: 'simple-git-hooks' },
    devDependencies: { 'simple-git-hooks': '2.11.1' },
    'simple-git-hooks': { 'pre-commit': 'echo "lint step ran"', 'pre-push': 'echo "push step ran"' },
  };
  repo.write('package.json', JSON.stringify(pkg, null, 2) + '\n');

  const dry = repo.orch(['init', '--dry-run']);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.stdout).toContain('Hooks: simple-git-hooks (package.json, hooks not installed yet).');
  expect(dry.stdout).toContain('pre-commit: orch hook pre-commit && echo "lint step ran"');
  expect(JSON.parse(repo.read('package.json'))).toEqual(pkg);

  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toContain('npx simple-git-hooks');
  const written = JSON.parse(repo.read('package.json'));
  expect(Object.keys(written)).toEqual(Object.keys(pkg));
  expect(written.scripts).toEqual(pkg.scripts);
  const hooks = written['simple-git-hooks'];
  expect(hooks['pre-commit']).toBe('orch hook pre-commit && echo "lint step ran"');
  expect(hooks['pre-push']).toBe('orch hook pre-push "$@" && echo "push step ran"');
  expect(hooks['commit-msg']).toContain('orch hook commit-msg "$1"');
  expect(hooks['post-commit']).toContain('orch hook post-commit');
  expect(fs.existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false); // simple-git-hooks owns the hook files
  expect(repo.orch(['init']).stdout).toContain('Nothing to change');

  // what `npx simple-git-hooks` writes: its preamble, then the configured command as is
  for (const [hook, command] of Object.entries(hooks as Record<string, string>)) {
    const preamble = '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\n\n';
    fs.writeFileSync(path.join(repo.dir, '.git/hooks', hook), preamble + command, { mode: 0o755 });
  }
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);
  expect(repo.orch(['doctor']).out).toContain('simple-git-hooks runs orch (package.json)');

  expect(repo.orch(['lock', 'lib/pay.js', '--task', 'T-3'], { env: { ORCH_AGENT: 'payments' } }).code).toBe(0);
  repo.write('lib/pay.js', 'module.exports = 1\n');
  repo.ok(['add', 'lib/pay.js']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'frontend' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('lib/pay.js is locked by payments');
  expect(blocked.out).not.toContain('lint step ran'); // orch first, and it stopped the rest

  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'payments' } });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toContain('lint step ran');
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: payments');
});
