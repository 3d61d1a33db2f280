import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("the server refuses a push to the lock branch that deletes another agent's row; a recorded steal goes through", () => {
  const { server } = lockServer({ preReceive: true });
  const backend = cloneOf(server, 'backend');
  const rogue = cloneOf(server, 'rogue');
  expect(
    backend.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: { ORCH_AGENT: 'backend-architect' } }).code,
  ).toBe(0);
  expect(rogue.orch(['lock', 'web/app.ts'], { env: { ORCH_AGENT: 'frontend-specialist' } }).code).toBe(0);
  const tip = server.ok(['rev-parse', 'orch/locks']).trim();

  // by hand, on the lock branch (in a worktree of its own): drop backend's row
  rogue.ok(['fetch', '-q', 'origin']);
  const dir = path.join(path.dirname(rogue.dir), 'locks-edit');
  rogue.ok(['worktree', 'add', '-q', '-b', 'edit-locks', dir, 'origin/orch/locks']);
  const file = path.join(dir, 'WORK_STATUS.md');
  const edit = (f: (text: string) => string) => fs.writeFileSync(file, f(fs.readFileSync(file, 'utf8')));
  edit((text) =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('| api/openapi.yaml'))
      .join('\n'),
  );
  rogue.ok(['commit', '-q', '--no-verify', '-am', 'free the contract', '-m', 'Agent: frontend-specialist'], {
    cwd: dir,
  });
  const push = rogue.git(['push', '--no-verify', 'origin', 'edit-locks:orch/locks'], { cwd: dir });
  expect(push.code).not.toBe(0);
  expect(push.stderr).toMatch(/remote: .*status-integrity/);
  expect(push.stderr).toContain('removes the lock of backend-architect on api/openapi.yaml');
  expect(push.stderr).toContain('by frontend-specialist');
  expect(push.stderr).toContain('pre-receive hook declined');
  expect(server.ok(['rev-parse', 'orch/locks']).trim()).toBe(tip);

  // rewriting history instead (back to the first commit, then one's own row): refused too
  rogue.ok(['reset', '-q', '--hard', server.ok(['rev-list', '--max-parents=0', 'orch/locks']).trim()], { cwd: dir });
  edit((text) =>
    text.replace(
      '| --- | --- | --- | --- | --- | --- |\n',
      '| --- | --- | --- | --- | --- | --- |\n| web/app.ts | frontend-specialist | - | 2026-11-26T09:00Z | - | - |\n',
    ),
  );
  rogue.ok(['commit', '-q', '--no-verify', '-am', 'start over', '-m', 'Agent: frontend-specialist'], { cwd: dir });
  const force = rogue.git(['push', '--no-verify', '--force', 'origin', 'edit-locks:orch/locks'], { cwd: dir });
  expect(force.code).not.toBe(0);
  expect(force.stderr).toContain('removes the lock of backend-architect on api/openapi.yaml');
  expect(force.stderr).toContain('not a fast-forward');
  expect(server.ok(['rev-parse', 'orch/locks']).trim()).toBe(tip);

  // the agent's own row may go, and another's with a recorded steal
  const own = rogue.orch(['unlock', 'web/app.ts'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(own.code, own.out).toBe(0);
  const steal = rogue.orch(
    ['unlock', 'api/openapi.yaml', '--steal', '--reason', 'backend is away, release blocks v2'],
    { env: { ORCH_AGENT: 'frontend-specialist' } },
  );
  expect(steal.code, steal.out).toBe(0);
  const table = serverTable(server);
  expect(rows(table)).toEqual([]);
  expect(table).toMatch(
    /- \S+ frontend-specialist steal api\/openapi\.yaml from backend-architect: backend is away, release blocks v2/,
  );
  expect(server.ok(['log', '-1', '--format=%an|%s', 'orch/locks']).trim()).toBe(
    'frontend-specialist|steal api/openapi.yaml from backend-architect: backend is away, release blocks v2',
  );
});
