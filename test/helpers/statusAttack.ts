// The arena of the status-file attacks (test/security/status-*): a repository after
// `orch init` where backend-architect holds a lock on src/app.js, pushed to a bare server
// whose pre-receive runs orch. The intruder commits as `frontend`. Each scenario then
// tries its way past every stage: pre-commit, pre-push, `orch ci` and pre-receive.
import { expect } from 'vitest';
import { commitNoVerify, installHook, orchCi } from './rangeHooks.js';
import { type Run, type TempRepo, tempRepo } from './tempRepo.js';

export const HOLDER = { ORCH_AGENT: 'backend-architect' };
export const INTRUDER = { ORCH_AGENT: 'frontend' };

export interface Arena {
  repo: TempRepo;
  server: TempRepo;
  /** What the server has: the start of the intruder's range. */
  base: string;
}

export function lockedArena(
  tempRepo: (o?: { bare?: boolean; name?: string }) => TempRepo,
  config?: Record<string, unknown>,
  lockPath = 'src/app.js',
): Arena {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo();
  if (config) {
    repo.write('.orchrc.json', JSON.stringify({ ...JSON.parse(repo.read('.orchrc.json')), ...config }, null, 2) + '\n');
  }
  repo.write('src/app.js', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  const setup = repo.commit('app, as a person');
  if (setup.code !== 0) throw new Error(`setup commit failed: ${setup.out}`);
  const lock = repo.orch(['lock', lockPath, '--task', 'T-1'], { env: HOLDER });
  if (lock.code !== 0) throw new Error(`orch lock failed: ${lock.out}`);
  repo.ok(['add', 'WORK_STATUS.md']);
  const locked = repo.commit(`backend-architect locks ${lockPath}`, { env: HOLDER });
  if (locked.code !== 0) throw new Error(`lock commit failed: ${locked.out}`);
  repo.ok(['remote', 'add', 'origin', server.dir]);
  repo.ok(['push', '-q', 'origin', 'main']);
  installHook(server.dir, 'pre-receive');
  return { repo, server, base: repo.ok(['rev-parse', 'HEAD']).trim() };
}

/** The intruder's commit made with the hooks skipped; its sha. */
export function intruderCommit(arena: Arena, subject: string): string {
  return commitNoVerify(arena.repo, subject, INTRUDER.ORCH_AGENT);
}

/** The stages after the commit, each run against the intruder's range. */
export function laterStages(arena: Arena): { prePush: Run; ci: Run; preReceive: Run } {
  const { repo, base } = arena;
  const prePush = repo.git(['push', 'origin', 'main']);
  const ci = orchCi(repo, ['--base', base, '--head', 'HEAD']);
  const preReceive = repo.git(['push', '--no-verify', 'origin', 'main']);
  return { prePush, ci, preReceive };
}

/** Inserts `text` as lines right above backend-architect's row of src/app.js in the working tree. */
export function insertAboveLockRow(repo: TempRepo, text: string): void {
  const status = repo.read('WORK_STATUS.md');
  const row = status.split('\n').find((l) => l.startsWith('| src/app.js |') && l.includes('backend-architect'));
  if (!row) throw new Error(`no lock row of src/app.js in:\n${status}`);
  repo.write('WORK_STATUS.md', status.replace(row, `${text}\n${row}`));
}

/**
 * The whole attack of one inserted line: `text` above the lock row, committed by the
 * intruder, then the freed file edited in a commit of its own. Each stage must refuse it
 * as hiding backend-architect's lock.
 */
export function expectHiddenLockRefused(text: string): void {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  insertAboveLockRow(repo, text);
  repo.ok(['add', 'WORK_STATUS.md']);
  const commit = repo.commit('frontend tidies the status file', { env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('status-integrity');
  expect(commit.stderr).toMatch(/hides the lock of backend-architect on src\/app\.js/);

  const hidden = intruderCommit(arena, 'frontend tidies the status file');
  // the edit of the freed file comes in a commit of its own: its parent no longer reads the lock
  repo.write('src/app.js', 'export const v = 2;\n');
  intruderCommit(arena, 'frontend edits the app');
  const { prePush, ci, preReceive } = laterStages(arena);
  for (const stage of [prePush, ci, preReceive]) {
    expect(stage.code, stage.out).not.toBe(0);
    expect(stage.out).toContain('status-integrity');
    expect(stage.out).toMatch(/hides the lock of backend-architect on src\/app\.js/);
    expect(stage.out).toContain(hidden.slice(0, 7));
  }
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
}
