import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { ROOT, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const LEFTHOOK_YML = `# Team hooks: keep this comment
pre-commit:
  parallel: true
  jobs:
    # formatting check stays
    - name: format
      run: echo "format job ran"

pre-push:
  jobs:
    - name: tests
      run: echo "tests would run"
`;

it('with lefthook (npm package 2.2.1): adds orch to lefthook.yml, keeping its jobs and comments, and blocks a locked path', () => {
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lefthook/package.json'), 'utf8')).version).toBe(
    '2.2.1',
  );
  const repo = tempRepo({ init: false });
  fs.mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules/lefthook'), path.join(repo.dir, 'node_modules/lefthook'));
  fs.symlinkSync('../lefthook/bin/index.js', path.join(repo.dir, 'node_modules/.bin/lefthook'));
  repo.write('.gitignore', 'node_modules\n');
  repo.write('lefthook.yml', LEFTHOOK_YML);
  repo.ok(['add', '.gitignore', 'lefthook.yml']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'base']);
  expect(lefthook(repo, ['install']).code).toBe(0);

  const dry = repo.orch(['init', '--dry-run']);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.stdout).toContain('Hooks: lefthook (lefthook.yml).');
  expect(dry.stdout).toContain('update lefthook.yml');
  expect(dry.stdout).toContain('pre-commit: orch → orch hook pre-commit');
  expect(repo.read('lefthook.yml')).toBe(LEFTHOOK_YML); // dry run changes nothing

  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toContain('lefthook install');
  expect(fs.readFileSync(path.join(repo.dir, '.git/hooks/pre-commit'), 'utf8')).not.toContain('orchguard-shim'); // lefthook keeps its hooks
  const text = repo.read('lefthook.yml');
  expect(text).toContain('# Team hooks: keep this comment');
  expect(text).toContain('# formatting check stays');
  const cfg = parse(text);
  expect(cfg['pre-commit'].jobs.map((j: { name: string }) => j.name)).toEqual(['orch', 'format']);
  expect(cfg['pre-push'].jobs).toEqual([
    { name: 'orch', run: 'orch hook pre-push {0}', use_stdin: true },
    { name: 'tests', run: 'echo "tests would run"' },
  ]);
  expect(cfg['commit-msg'].jobs[0].run).toContain('orch hook commit-msg {1}');
  expect(repo.orch(['init']).stdout).toContain('Nothing to change');
  expect(lefthook(repo, ['install']).code).toBe(0); // the step init names: installs commit-msg and post-commit
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);

  expect(repo.orch(['lock', 'src/app.ts', '--task', 'T-1'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  repo.write('src/app.ts', 'export {}\n');
  repo.ok(['add', 'src/app.ts']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'other' } });
  expect(blocked.code).not.toBe(0);
  expect(blocked.out).toContain('src/app.ts is locked by holder');
  expect(repo.ok(['log', '--format=%s'])).not.toContain('blocked');

  repo.ok(['add', 'WORK_STATUS.md']); // the lock travels with the holder's commit
  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'holder' } });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toContain('format job ran');
  // commit-msg through lefthook: the trailers pre-commit recorded
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: holder');

  // pre-push through lefthook (git's stdin handed on): a commit made with --no-verify is stopped there
  const remote = path.join(path.dirname(repo.dir), 'remote.git');
  repo.ok(['init', '-q', '--bare', '-b', 'main', remote]);
  repo.ok(['remote', 'add', 'origin', remote]);
  repo.ok(['push', '-q', 'origin', 'main']);
  repo.write('src/app.ts', 'export const sneaky = 1\n');
  repo.ok(['add', 'src/app.ts']);
  expect(repo.commit('sneaky', { env: { ORCH_AGENT: 'other' }, args: ['--no-verify'] }).code).toBe(0);
  const push = repo.git(['push', 'origin', 'main'], { env: { ORCH_AGENT: 'other' } });
  expect(push.code).not.toBe(0);
  expect(push.out).toContain('src/app.ts is locked by holder');
  expect(repo.ok(['rev-parse', 'HEAD'])).not.toBe(repo.ok(['--git-dir', remote, 'rev-parse', 'main']));

  const doctor = repo.orch(['doctor'], { env: { ORCH_AGENT: 'holder' } });
  expect(doctor.out).toContain('lefthook runs orch (lefthook.yml)');
});

function lefthook(repo: TempRepo, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repo.dir, 'node_modules/lefthook/bin/index.js'), ...args], {
    cwd: repo.dir,
    env: repo.env,
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, out: r.stdout + r.stderr };
}
