import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('remote mode: a replacement does not hide an evil lock-branch commit from pre-receive', () => {
  const { server } = lockServer({ preReceive: true });
  const backend = cloneOf(server, 'backend');
  const rogue = cloneOf(server, 'rogue');
  expect(backend.orch(['lock', 'src/app.js', '--task', 'T-1'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(
    0,
  );
  const tip = server.ok(['rev-parse', 'orch/locks']).trim();

  rogue.ok(['fetch', '-q', 'origin']);
  const dir = path.join(path.dirname(rogue.dir), 'locks-edit');
  rogue.ok(['worktree', 'add', '-q', '-b', 'edit-locks', dir, 'origin/orch/locks']);
  const file = path.join(dir, 'WORK_STATUS.md');
  // BENIGN: an untouched table; EVIL: backend-architect's row gone
  rogue.ok(['commit', '-q', '--no-verify', '--allow-empty', '-m', 'nothing', '-m', 'Agent: frontend'], { cwd: dir });
  const benign = rogue.ok(['rev-parse', 'HEAD'], { cwd: dir }).trim();
  rogue.ok(['reset', '-q', '--hard', 'origin/orch/locks'], { cwd: dir });
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('| src/app.js'))
      .join('\n'),
  );
  rogue.ok(['commit', '-q', '--no-verify', '-am', 'free the app', '-m', 'Agent: frontend'], { cwd: dir });
  const evil = rogue.ok(['rev-parse', 'HEAD'], { cwd: dir }).trim();
  rogue.ok(['replace', evil, benign]);

  const push = rogue.git([
    'push',
    '--no-verify',
    'origin',
    `refs/replace/${evil}:refs/replace/${evil}`,
    `${evil}:refs/heads/orch/locks`,
  ]);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain(`this push writes refs/replace/${evil}, a replacement`);
  expect(push.stderr).toContain('removes the lock of backend-architect on src/app.js');
  expect(server.ok(['rev-parse', 'orch/locks']).trim()).toBe(tip);
  expect(server.git(['rev-parse', '-q', '--verify', `refs/replace/${evil}`]).code).not.toBe(0);
});
