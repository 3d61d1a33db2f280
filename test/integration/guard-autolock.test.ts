import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const edit = (repo: TempRepo, file: string) =>
  JSON.stringify({
    session_id: 's',
    transcript_path: '/dev/null',
    cwd: repo.dir,
    hook_event_name: 'PreToolUse',
    tool_name: 'Edit',
    tool_input: { file_path: path.join(repo.dir, file), old_string: 'a', new_string: 'b' },
  });

const lockRows = (repo: TempRepo) =>
  repo
    .read('WORK_STATUS.md')
    .split('\n')
    .filter((l) => /^\| (?!Path|---)/.test(l));

it('orch guard with locks.autoLock: an edit of a free path takes the lock for the agent, released by orch done', () => {
  const repo = tempRepo();
  const config = JSON.parse(repo.read('.orchrc.json'));
  config.locks = { ...(config.locks ?? {}), autoLock: true };
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('Turn on autoLock').code).toBe(0);
  const alice = { ORCH_AGENT: 'alice' };

  const first = repo.orch(['guard'], { env: alice, input: edit(repo, 'src/cart.ts') });
  expect(first.code, first.out).toBe(0);
  expect(first.stderr).toContain('locked src/cart.ts for alice (task auto)');
  expect(first.stdout).toBe(''); // harnesses parse stdout on success as JSON
  expect(lockRows(repo)).toEqual([expect.stringMatching(/^\| src\/cart\.ts \| alice \| auto \| \d{4}-/)]);

  // the next edit of the same file takes nothing more
  const again = repo.orch(['guard'], { env: alice, input: edit(repo, 'src/cart.ts') });
  expect([again.code, again.out]).toEqual([0, '']);
  expect(lockRows(repo)).toHaveLength(1);

  // the lock now stops another agent, at edit time and at commit time
  const bob = repo.orch(['guard'], { env: { ORCH_AGENT: 'bob' }, input: edit(repo, 'src/cart.ts') });
  expect(bob.code).toBe(2);
  expect(bob.stderr).toContain('src/cart.ts is locked by alice');
  repo.write('src/cart.ts', 'export {}\n');
  repo.ok(['add', 'src/cart.ts']);
  expect(repo.commit('bob edits cart', { env: { ORCH_AGENT: 'bob' } }).code).toBe(1);

  // ORCH_TASK names the task of the locks the guard takes
  expect(repo.orch(['guard'], { env: { ...alice, ORCH_TASK: 'T-9' }, input: edit(repo, 'src/checkout.ts') }).code).toBe(
    0,
  );
  expect(lockRows(repo).some((r) => /^\| src\/checkout\.ts \| alice \| T-9 \|/.test(r))).toBe(true);

  // a contract owner whose group requires a lock gets it; a non-owner is blocked and locks nothing
  const owner = repo.orch(['guard'], {
    env: { ORCH_AGENT: 'backend-architect' },
    input: edit(repo, 'api/openapi.yaml'),
  });
  expect(owner.code, owner.out).toBe(0);
  expect(lockRows(repo).some((r) => r.startsWith('| api/openapi.yaml | backend-architect | auto |'))).toBe(true);
  const nonOwner = repo.orch(['guard'], { env: alice, input: edit(repo, 'proto/orders.proto') });
  expect(nonOwner.code).toBe(2);
  expect(lockRows(repo).some((r) => r.startsWith('| proto/orders.proto'))).toBe(false);

  // a person (no agent name) is checked but takes no locks
  expect(repo.orch(['guard'], { input: edit(repo, 'README.md') }).code).toBe(0);
  expect(lockRows(repo).some((r) => r.startsWith('| README.md'))).toBe(false);

  const done = repo.orch(['done', 'auto'], { env: alice });
  expect(done.code, done.out).toBe(0);
  expect(lockRows(repo).some((r) => r.startsWith('| src/cart.ts'))).toBe(false);
  expect(repo.orch(['guard'], { env: { ORCH_AGENT: 'bob' }, input: edit(repo, 'src/cart.ts') }).code).toBe(0);
});
