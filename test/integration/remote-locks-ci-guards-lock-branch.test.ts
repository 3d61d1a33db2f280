import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { orchCi } from '../helpers/rangeHooks.js';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("orch ci, run for a push to the lock branch, rejects a commit that deletes another agent's row and accepts a steal", () => {
  const { server } = lockServer();
  const a = cloneOf(server, 'a');
  const b = cloneOf(server, 'b');
  expect(
    a.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: { ORCH_AGENT: 'backend-architect' } }).code,
  ).toBe(0);
  expect(b.orch(['lock', 'web/app.ts'], { env: { ORCH_AGENT: 'frontend-specialist' } }).code).toBe(0);
  const before = b.ok(['rev-parse', 'origin/orch/locks']).trim();

  // no server hook here: the push lands, and CI is the gate
  const dir = path.join(path.dirname(b.dir), 'locks-edit');
  b.ok(['worktree', 'add', '-q', '-b', 'edit-locks', dir, 'origin/orch/locks']);
  const file = path.join(dir, 'WORK_STATUS.md');
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('| api/openapi.yaml'))
      .join('\n'),
  );
  b.ok(['commit', '-q', '--no-verify', '-am', 'free the contract', '-m', 'Agent: frontend-specialist'], { cwd: dir });
  const bad = b.ok(['rev-parse', 'HEAD'], { cwd: dir }).trim();
  b.ok(['push', '-q', '--no-verify', 'origin', 'edit-locks:orch/locks'], { cwd: dir });

  // a GitLab pipeline for that push, checked out at the lock branch (no configuration there)
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
  expect(report.findings[0].message).toContain('removes the lock of backend-architect on api/openapi.yaml');
  // only status-integrity judges the lock branch: no task-completion or other rules
  expect(report.findings).toHaveLength(1);

  // the same edit done through orch, with the steal on record, passes
  server.ok(['update-ref', 'refs/heads/orch/locks', before]);
  const steal = b.orch(['unlock', 'api/openapi.yaml', '--steal', '--reason', 'on leave'], {
    env: { ORCH_AGENT: 'frontend-specialist' },
  });
  expect(steal.code, steal.out).toBe(0);
  const head = server.ok(['rev-parse', 'orch/locks']).trim();
  const ok = orchCi(b, [], { env: { ...gitlab, CI_COMMIT_SHA: head }, cwd: dir });
  expect(ok.code, ok.out).toBe(0);
});
