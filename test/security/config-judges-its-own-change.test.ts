import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { FRONTEND, securityRepo, stages } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const relaxed = (text: string, change: (c: Record<string, unknown>) => void) => {
  const c = JSON.parse(text);
  change(c);
  return JSON.stringify(c, null, 2) + '\n';
};

it('pre-commit judges a change of the configuration by HEAD’s configuration, staged or not', () => {
  const { repo } = securityRepo();
  const head = repo.read('.orchrc.json');

  // the reproduction: .orchrc.json staged with contract-owner off
  repo.write(
    '.orchrc.json',
    relaxed(head, (c) => (c.rules = { 'contract-owner': 'off' })),
  );
  repo.ok(['add', '.orchrc.json']);
  const staged = repo.commit('frontend relaxes the rules', { env: FRONTEND });
  expect(staged.code).toBe(1);
  expect(staged.stderr).toContain('error contract-owner .orchrc.json');
  expect(staged.stderr).toContain('only people may change it (configOwners is empty), not the agent frontend');
  repo.ok(['reset', '-q', '--hard']);

  // an unstaged edit that switches lock-conflict off, and one that points at another status file
  for (const change of [
    (c: Record<string, unknown>) => (c.rules = { 'lock-conflict': 'off' }),
    (c: Record<string, unknown>) => (c.statusFile = 'ELSEWHERE.md'),
  ]) {
    repo.write('.orchrc.json', relaxed(head, change));
    repo.write('src/app.js', 'export const app = "frontend";\n');
    repo.ok(['add', 'src/app.js']);
    const r = repo.commit('frontend edits the app', { env: FRONTEND });
    expect(r.code, r.out).toBe(1);
    expect(r.stderr).toContain('error lock-conflict src/app.js');
    repo.ok(['reset', '-q', '--hard']);
  }

  // the orch key of package.json, which would take over from .orchrc.json once it is gone
  repo.write(
    'package.json',
    JSON.stringify({ name: 'x', orch: { rules: { 'lock-conflict': 'off', 'contract-owner': 'off' } } }) + '\n',
  );
  repo.ok(['rm', '-q', '.orchrc.json']);
  repo.write('src/app.js', 'export const app = "frontend";\n');
  repo.ok(['add', '-A']);
  const pkg = repo.commit('frontend moves the configuration', { env: FRONTEND });
  expect(pkg.code).toBe(1);
  expect(pkg.stderr).toContain('error lock-conflict src/app.js');
  expect(pkg.stderr).toContain('error contract-owner .orchrc.json');
  repo.ok(['reset', '-q', '--hard']);

  // a person's change of the configuration is theirs to make
  repo.write(
    '.orchrc.json',
    relaxed(head, (c) => (c.rules = { 'no-placeholder': 'error' })),
  );
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('tighten placeholders').code).toBe(0);
});

it('ranges judge a configuration change by the base; an orphan branch by the default branch, never running its JavaScript', () => {
  const s = securityRepo();
  const { repo } = s;
  repo.write(
    '.orchrc.json',
    relaxed(repo.read('.orchrc.json'), (c) => (c.rules = { 'lock-conflict': 'off', 'contract-owner': 'off' })),
  );
  repo.write('src/app.js', 'export const app = "frontend";\n');
  const relaxing = commitNoVerify(repo, 'frontend relaxes and edits', 'frontend');
  const one = stages(s, 'main');
  for (const r of [one.prePush, one.preReceive]) {
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`error lock-conflict src/app.js (commit ${relaxing.slice(0, 7)})`);
    expect(r.stderr).toContain(`error contract-owner .orchrc.json (commit ${relaxing.slice(0, 7)})`);
  }
  expect(one.ci.code).toBe(1);
  repo.ok(['reset', '-q', '--hard', 'origin/main']);

  // an orphan branch: nothing precedes it, its own configuration is code
  const marker = path.join(path.dirname(repo.dir), 'PWNED');
  repo.ok(['checkout', '-q', '--orphan', 'evil']);
  repo.ok(['rm', '-rq', '--cached', '.']);
  fs.rmSync(path.join(repo.dir, '.orchrc.json'));
  repo.write(
    'orch.config.js',
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { contracts: [] };\n`,
  );
  repo.write('api/openapi.yaml', 'openapi: 3.0.0\ninfo: { title: mine }\n');
  const orphan = commitNoVerify(repo, 'frontend starts over', 'frontend');
  const prePush = repo.git(['push', '--dry-run', 'origin', 'evil'], { env: FRONTEND });
  const ci = orchCi(
    repo,
    ['--base', '0000000000000000000000000000000000000000', '--head', orphan, '--format', 'json'],
    { env: { GITHUB_BASE_REF: '' } },
  );
  const preReceive = repo.git(['push', '--no-verify', 'origin', 'evil']);
  for (const r of [prePush, preReceive]) {
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`error contract-owner api/openapi.yaml (commit ${orphan.slice(0, 7)})`);
  }
  expect(ci.code, ci.out).toBe(1);
  // (contract-proof also asks for a test of the contract: not what this scenario is about)
  const owned = JSON.parse(ci.stdout).findings.filter((f: { rule: string }) => f.rule === 'contract-owner');
  expect(owned).toEqual([
    // the default branch's rules: the orphan's own configuration is an agent's change, and no judge
    expect.objectContaining({ rule: 'contract-owner', path: 'orch.config.js', commit: orphan }),
    expect.objectContaining({ rule: 'contract-owner', path: 'api/openapi.yaml', commit: orphan }),
  ]);
  expect(fs.existsSync(marker)).toBe(false);
});
