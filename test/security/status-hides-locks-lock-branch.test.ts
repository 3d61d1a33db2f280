// Remote mode: the lock branch (orch/locks) holds the shared lock table. A push to it that
// opens an HTML comment above another agent's row hides that lock as surely as deleting
// it: the server's pre-receive and `orch ci` judge each lock-branch commit by the locks it
// reads before and after.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { installHook, orchCi } from '../helpers/rangeHooks.js';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a lock-branch commit that hides a row in a comment is refused by pre-receive and orch ci', () => {
  const { server } = lockServer();
  const a = cloneOf(server, 'a');
  const b = cloneOf(server, 'b');
  expect(
    a.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: { ORCH_AGENT: 'backend-architect' } }).code,
  ).toBe(0);
  expect(b.orch(['lock', 'web/app.ts'], { env: { ORCH_AGENT: 'frontend-specialist' } }).code).toBe(0);
  const before = b.ok(['rev-parse', 'origin/orch/locks']).trim();

  const dir = path.join(path.dirname(b.dir), 'locks-edit');
  b.ok(['worktree', 'add', '-q', '-b', 'edit-locks', dir, 'origin/orch/locks']);
  const file = path.join(dir, 'WORK_STATUS.md');
  const text = fs.readFileSync(file, 'utf8');
  const row = text.split('\n').find((l) => l.startsWith('| api/openapi.yaml'))!;
  fs.writeFileSync(file, text.replace(row, `<!--\n${row}`));
  b.ok(['commit', '-q', '--no-verify', '-am', 'tidy the table', '-m', 'Agent: frontend-specialist'], { cwd: dir });
  const bad = b.ok(['rev-parse', 'HEAD'], { cwd: dir }).trim();

  // the server refuses it once it runs orch's pre-receive
  installHook(server.dir, 'pre-receive');
  const push = b.git(['push', '--no-verify', 'origin', 'edit-locks:orch/locks'], { cwd: dir });
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain('status-integrity');
  expect(push.stderr).toContain('hides the lock of backend-architect on api/openapi.yaml');
  expect(server.ok(['rev-parse', 'orch/locks']).trim()).toBe(before);

  // landed anyway (no server hook): CI for that push is the gate
  fs.rmSync(path.join(server.dir, 'hooks', 'pre-receive'));
  b.ok(['push', '-q', '--no-verify', 'origin', 'edit-locks:orch/locks'], { cwd: dir });
  const gitlab = {
    GITLAB_CI: 'true',
    CI_COMMIT_BRANCH: 'orch/locks',
    CI_COMMIT_BEFORE_SHA: before,
    CI_COMMIT_SHA: bad,
    CI_DEFAULT_BRANCH: 'main',
  };
  const ci = orchCi(b, ['--format', 'json'], { env: gitlab, cwd: dir });
  expect(ci.code, ci.out).toBe(1);
  const report = JSON.parse(ci.stdout);
  expect(report.findings).toEqual([
    expect.objectContaining({ rule: 'status-integrity', holder: 'backend-architect', commit: bad }),
  ]);
  expect(report.findings[0].message).toContain('hides the lock of backend-architect on api/openapi.yaml');
});
