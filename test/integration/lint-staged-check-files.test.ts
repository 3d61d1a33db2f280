import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('lint-staged running `orch check --files` (absolute paths) blocks a commit of a locked file', () => {
  const repo = tempRepo();
  fs.mkdirSync(path.join(repo.dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules/lint-staged'), path.join(repo.dir, 'node_modules/lint-staged'));
  repo.write('.gitignore', 'node_modules\n');
  // a task that also records the arguments it got, to show that lint-staged passes absolute paths
  repo.write('record-args.sh', '#!/bin/sh\nprintf "%s\\n" "$@" > "$(git rev-parse --git-dir)/task-args"\n');
  fs.chmodSync(path.join(repo.dir, 'record-args.sh'), 0o755);
  repo.write(
    'package.json',
    JSON.stringify(
      { name: 'app', private: true, 'lint-staged': { '*.ts': ['./record-args.sh', 'orch check --files'] } },
      null,
      2,
    ) + '\n',
  );
  repo.ok(['add', '.gitignore', 'package.json', 'record-args.sh']);
  expect(repo.commit('base').code).toBe(0);
  // the project's pre-commit hook is lint-staged alone: orch runs as one of its tasks
  fs.writeFileSync(
    path.join(repo.dir, '.git/hooks/pre-commit'),
    '#!/bin/sh\nexec node node_modules/lint-staged/bin/lint-staged.js\n',
    { mode: 0o755 },
  );

  expect(repo.orch(['lock', 'src/orders.ts', '--task', 'T-7'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(
    0,
  );
  repo.write('src/orders.ts', 'export const orders = []\n');
  repo.ok(['add', 'src/orders.ts']);
  const blocked = repo.commit('blocked', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(blocked.code).not.toBe(0);
  expect(blocked.out).toContain('src/orders.ts is locked by backend-architect');
  expect(repo.ok(['log', '--format=%s'])).not.toContain('blocked');
  const args = fs.readFileSync(path.join(repo.dir, '.git/task-args'), 'utf8').trim().split('\n');
  expect(args).toEqual([fs.realpathSync(path.join(repo.dir, 'src/orders.ts'))]);
  expect(path.isAbsolute(args[0])).toBe(true);

  const ok = repo.commit('allowed', { env: { ORCH_AGENT: 'backend-architect' } });
  expect(ok.code, ok.out).toBe(0);
});
