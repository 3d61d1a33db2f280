// orch runs first in pre-commit and stages its Log entry. When a later step refuses (a
// lint-staged task, a commit-msg hook), git aborts the commit and the entry stays staged.
// The commit that finally happens carries exactly one entry, and nothing else is left over.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, ROOT, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('husky + lint-staged: two rejected attempts, a refused message, then a commit — one Log entry', () => {
  const repo = tempRepo({ init: false, bin: false });
  repo.write(
    'package.json',
    JSON.stringify({ name: 'app', private: true, 'lint-staged': { '*.js': 'node lint.mjs' } }, null, 2) + '\n',
  );
  // the lint task fails while the file still says "bad"
  repo.write(
    'lint.mjs',
    "import fs from 'node:fs';\nfor (const f of process.argv.slice(2)) if (fs.readFileSync(f, 'utf8').includes('bad')) { console.error('lint: ' + f + ' is bad'); process.exit(1); }\n",
  );
  fs.mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
  for (const p of ['husky', 'lint-staged'])
    fs.symlinkSync(path.join(ROOT, 'node_modules', p), path.join(repo.dir, 'node_modules', p));
  fs.symlinkSync(ORCH_BIN, path.join(repo.dir, 'node_modules/.bin/orch'));
  fs.symlinkSync('../lint-staged/bin/lint-staged.js', path.join(repo.dir, 'node_modules/.bin/lint-staged'));
  repo.write('.gitignore', 'node_modules\n');
  const husky = spawnSync(process.execPath, ['node_modules/husky/bin.js'], {
    cwd: repo.dir,
    env: repo.env,
    encoding: 'utf8',
  });
  expect(husky.status, husky.stdout + husky.stderr).toBe(0);
  repo.write('.husky/pre-commit', 'lint-staged\n');
  // a project commit-msg rule: no "wip" commits
  repo.write('.husky/commit-msg', 'if grep -qi wip "$1"; then echo "commit-msg: no wip commits" >&2; exit 1; fi\n');
  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'Set up'], { env: { ORCH_SKIP: '1' } });

  const agent = { ORCH_AGENT: 'frontend-developer' };
  repo.write('src/app.js', 'const x = "bad";\n');
  repo.ok(['add', 'src/app.js']);
  for (let i = 0; i < 2; i++) {
    const r = repo.commit('Add the app', { env: agent });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('lint: ');
  }
  repo.write('src/app.js', 'const x = "good";\n');
  repo.ok(['add', 'src/app.js']);
  const refused = repo.commit('wip: add the app', { env: agent });
  expect(refused.code).not.toBe(0);
  expect(refused.out).toContain('no wip commits');

  const ok = repo.commit('Add the app', { env: agent });
  expect(ok.code, ok.out).toBe(0);
  const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  const entries = (t: string) =>
    t.split('\n').filter((l) => /^- \d{4}-\S+ frontend-developer: A src\/app\.js$/.test(l));
  expect(entries(committed)).toHaveLength(1);
  // the status file gained that line (and the blank line that opens the Log), nothing else
  const diff = repo.ok(['diff', '-U0', 'HEAD~1', 'HEAD', '--', 'WORK_STATUS.md']).split('\n');
  expect(diff.filter((l) => /^[-+](?![-+]{2} )/.test(l)).sort()).toEqual(['+', `+${entries(committed)[0]}`]);
  // the working tree and the index agree with the commit: nothing left half-done
  expect(repo.read('WORK_STATUS.md')).toBe(committed);
  expect(repo.ok(['status', '--porcelain'])).toBe('');
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: frontend-developer');

  // and the next commit adds its own entry, keeping the first
  repo.write('src/b.js', 'const y = 1;\n');
  repo.ok(['add', 'src/b.js']);
  expect(repo.commit('Add b', { env: agent }).code).toBe(0);
  const next = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(entries(next)).toHaveLength(1);
  expect(next).toMatch(/frontend-developer: A src\/b\.js\n+$/);
});
