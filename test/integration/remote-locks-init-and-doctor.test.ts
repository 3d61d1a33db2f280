import { afterAll, expect, it } from 'vitest';
import { cloneOf } from '../helpers/remoteClones.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch init --remote creates the lock branch, turns remote mode on in the config it creates, and doctor reports the branch', () => {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo({ init: false });
  repo.ok(['remote', 'add', 'origin', server.dir]);
  // a clone that fetches only main: init must add the lock branch to what git fetch brings
  repo.ok(['config', '--replace-all', 'remote.origin.fetch', '+refs/heads/main:refs/remotes/origin/main']);

  const dry = repo.orch(['init', '--remote', 'origin', '--dry-run']);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.stdout).toContain('create the lock branch orch/locks on origin');
  expect(server.git(['rev-parse', '--verify', '-q', 'refs/heads/orch/locks']).code).not.toBe(0);

  const init = repo.orch(['init', '--remote', 'origin']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toMatch(
    /created the lock branch orch\/locks on origin \([0-9a-f]{12}, an empty WORK_STATUS\.md\)/,
  );
  expect(init.stdout).toContain(
    'added the fetch refspec +refs/heads/orch/locks:refs/remotes/origin/orch/locks to remote.origin.fetch',
  );
  expect(init.stdout).toContain('set "locks": { "remote": "origin" } in .orchrc.json (created by this init)');
  expect(JSON.parse(repo.read('.orchrc.json')).locks).toEqual({ remote: 'origin' });
  expect(server.ok(['show', 'orch/locks:WORK_STATUS.md'])).toBe(repo.read('WORK_STATUS.md'));
  expect(repo.ok(['config', '--get-all', 'remote.origin.fetch'])).toContain(
    '+refs/heads/orch/locks:refs/remotes/origin/orch/locks',
  );

  // idempotent, and an existing configuration is not edited: the person is told the change
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'Set up orch']);
  repo.ok(['push', '-q', 'origin', 'main']);
  const again = repo.orch(['init', '--remote', 'origin']);
  expect(again.stdout).toContain('lock branch orch/locks exists on origin');
  expect(again.stdout).toContain('locks.remote is already "origin"');
  const upstream = repo.orch(['init', '--remote', 'upstream']);
  expect(upstream.code).toBe(2);
  expect(upstream.stderr).toContain('this clone has no remote "upstream"');
  repo.ok(['remote', 'add', 'upstream', server.dir]);
  const other = repo.orch(['init', '--remote', 'upstream']);
  expect(other.code, other.out).toBe(0);
  // the person running init said which remote: the existing configuration follows
  expect(other.stdout).toContain('set "locks": { "remote": "upstream" } in .orchrc.json; commit it');
  expect(JSON.parse(repo.read('.orchrc.json')).locks).toEqual({ remote: 'upstream' });
  repo.ok(['checkout', '--', '.orchrc.json']);

  // doctor: reachable, how old the last change is, nothing pending
  const clone = cloneOf(server, 'clone');
  expect(clone.orch(['lock', 'src/a.ts'], { env: { ORCH_AGENT: 'agent-a' } }).code).toBe(0);
  const doctor = repo.orch(['doctor'], { env: { ORCH_AGENT: 'agent-b' } });
  expect(doctor.stdout).toMatch(/✔ lock branch: origin\/orch\/locks reachable, at [0-9a-f]{12}/);
  expect(doctor.stdout).toContain("⚠ lock branch copy: this clone's copy of origin/orch/locks is behind the remote");
  repo.ok(['fetch', '-q', 'origin']);
  const fresh = repo.orch(['doctor', '--format', 'json'], { env: { ORCH_AGENT: 'agent-b' } });
  const checks = JSON.parse(fresh.stdout).checks as { topic: string; level: string; message: string }[];
  expect(checks.find((c) => c.topic === 'lock branch')).toMatchObject({
    level: 'ok',
    message: 'origin/orch/locks reachable, last change under a minute ago, 1 lock(s)',
  });

  repo.ok(['remote', 'set-url', 'origin', `${server.dir}-gone`]);
  const down = repo.orch(['doctor'], { env: { ORCH_AGENT: 'agent-b' } });
  expect(down.code).toBe(1);
  expect(down.stdout).toMatch(
    /✖ lock branch: cannot reach origin \(.*\): lock operations fail and pushes are blocked \(locks.verify "strict"\)/,
  );
});
