// Remote mode with orch's pre-receive on the server (one whose HEAD is not the project's
// branch, as `git init --bare` makes it): the holder of a lock taken with
// --task can always release it (`orch unlock <path>`) and finish the task (`orch done`);
// rules about the project's files (task-completion) do not judge lock-branch commits,
// while another agent still cannot remove the lock without a recorded steal, and nothing
// but the status file can be pushed there.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll } from '../helpers/tempRepo.js';
import { cloneOf, lockServer, rows, serverTable } from '../helpers/remoteClones.js';

afterAll(cleanupAll);

it("the holder's own unlock and done land; others still need --steal", () => {
  const { server } = lockServer({ preReceive: true });
  const a = cloneOf(server, 'clone-a');
  const b = cloneOf(server, 'clone-b');
  // a server made with a plain `git init --bare`: its HEAD names master, the project pushes
  // main — the server finds no configuration at HEAD
  server.ok(['symbolic-ref', 'HEAD', 'refs/heads/master']);
  const holder = { ORCH_AGENT: 'backend-architect' };
  const other = { ORCH_AGENT: 'frontend-developer' };

  expect(a.orch(['lock', 'api/openapi.yaml', '--task', 'T-12'], { env: holder }).code).toBe(0);
  expect(a.orch(['lock', 'src/server.ts', '--task', 'T-13'], { env: holder }).code).toBe(0);
  expect(rows(serverTable(server))).toHaveLength(2);

  // someone else cannot just release it (status-integrity still guards the branch)
  const foreign = b.orch(['unlock', 'api/openapi.yaml'], { env: other });
  expect(foreign.code).not.toBe(0);
  expect(rows(serverTable(server), 'api/openapi.yaml')).toHaveLength(1);

  const unlock = a.orch(['unlock', 'api/openapi.yaml'], { env: holder });
  expect(unlock.code, unlock.out).toBe(0);
  expect(unlock.out).not.toContain('task-completion');
  expect(rows(serverTable(server), 'api/openapi.yaml')).toEqual([]);

  const done = a.orch(['done', 'T-13'], { env: holder });
  expect(done.code, done.out).toBe(0);
  expect(done.out).not.toContain('task-completion');
  expect(rows(serverTable(server))).toEqual([]);
  expect(serverTable(server)).toMatch(/backend-architect done T-13/);

  // a steal by another agent is still accepted, with its reason on record
  expect(a.orch(['lock', 'src/worker.ts', '--task', 'T-14'], { env: holder }).code).toBe(0);
  const steal = b.orch(['unlock', 'src/worker.ts', '--steal', '--reason', 'holder is away'], { env: other });
  expect(steal.code, steal.out).toBe(0);
  expect(rows(serverTable(server))).toEqual([]);

  // and the lock branch is no way around the project's rules: a project file pushed there is refused
  a.ok(['fetch', '-q', 'origin']);
  a.ok(['checkout', '-q', '-f', '-b', 'sneak', 'refs/remotes/origin/orch/locks']);
  a.write('src/server.ts', 'export const unchecked = true;\n');
  a.ok(['add', 'src/server.ts']);
  a.ok(['commit', '-q', '--no-verify', '-m', 'unchecked code']);
  const sneak = a.git(['push', '--no-verify', 'origin', 'HEAD:refs/heads/orch/locks']);
  expect(sneak.code).not.toBe(0);
  expect(sneak.stderr).toContain('the lock branch holds only WORK_STATUS.md');
  expect(server.git(['cat-file', '-e', 'refs/heads/orch/locks:src/server.ts']).code).not.toBe(0);
});
