// The status file cannot be written or read: a full disk (a tiny tmpfs), permission denied
// (orch run as `nobody`), an immutable file (chattr +i). Each time: exit 2 with a message
// naming the file, the commit blocked, and nothing half-written — not the working-tree
// file, not the index, not HEAD. And a lock file left by a dead orch is taken over at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo, type Run, type TempRepo } from '../helpers/tempRepo.js';
import { NOBODY, whyNotAsNobody } from '../helpers/otherUser.js';
import { expectFasterThan } from '../helpers/timing.js';

const STACK = /\n\s+at [^\n]*:\d+:\d+/;
const mounts: string[] = [];
const immutable: string[] = [];

afterAll(() => {
  for (const f of immutable) spawnSync('chattr', ['-i', f]);
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  cleanupAll();
});

const isRoot = process.getuid?.() === 0;

function canMountTmpfs(): boolean {
  if (!isRoot) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
}

function canChattr(): boolean {
  if (!isRoot) return false;
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orch-probe-')), 'f');
  fs.writeFileSync(f, 'x');
  const ok = spawnSync('chattr', ['+i', f]).status === 0;
  spawnSync('chattr', ['-i', f]);
  fs.rmSync(path.dirname(f), { recursive: true, force: true });
  return ok;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, as?: { uid: number; gid: number }): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', ...(as ?? {}) });
  if (r.error) throw r.error;
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** A status file of a few hundred rows, committed: big enough that a copy does not fit in what is left. */
function withBigStatus(repo: TempRepo): string {
  const rows = Array.from(
    { length: 300 },
    (_, i) => `| src/mod-${i}/index.ts | agent-${i % 5} | T-${i} | 2026-11-26T09:00Z | - | keep |`,
  );
  const text = repo
    .read('WORK_STATUS.md')
    .replace('| --- | --- | --- | --- | --- | --- |\n', `| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`);
  repo.write('WORK_STATUS.md', text);
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'many locks']);
  return text;
}

/** Nothing of a blocked commit is left: HEAD, the index entry and the working-tree file as before. */
function expectNothingWritten(repo: TempRepo, cwd: string, head: string, text: string): void {
  expect(repo.ok(['rev-parse', 'HEAD'], { cwd })).toBe(head);
  expect(repo.ok(['diff', '--cached', '--name-only'], { cwd }).split('\n').filter(Boolean)).not.toContain(
    'WORK_STATUS.md',
  );
  expect(fs.readFileSync(path.join(cwd, 'WORK_STATUS.md'), 'utf8')).toBe(text);
  expect(fs.readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe.skipIf(!canMountTmpfs())('a full disk (ENOSPC on a 256 kB tmpfs holding the working tree)', () => {
  it('orch lock exits 2 and a commit is blocked, nothing half-written; with space again the commit records one entry', () => {
    const repo = tempRepo();
    const text = withBigStatus(repo);
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-full-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]).status).toBe(0);
    mounts.push(mnt);
    // the worktree's files live on the tmpfs; git's own files (index, objects) do not
    const wt = path.join(mnt, 'wt');
    repo.ok(['worktree', 'add', '-q', '-b', 'side', wt]);
    fs.mkdirSync(path.join(wt, 'src'));
    fs.writeFileSync(path.join(wt, 'src/a.ts'), 'export const a = 1;\n');
    repo.ok(['add', 'src/a.ts'], { cwd: wt });
    const head = repo.ok(['rev-parse', 'HEAD'], { cwd: wt });

    const filler = fs.openSync(path.join(mnt, 'filler'), 'w');
    const chunk = Buffer.alloc(4096, 1);
    try {
      for (;;) fs.writeSync(filler, chunk);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    fs.closeSync(filler);

    const env = { ...repo.env, ORCH_AGENT: 'alice' };
    const lock = run(process.execPath, [ORCH_BIN, 'lock', 'src/b.ts'], wt, env);
    expect(lock.code, lock.out).toBe(2);
    expect(lock.stderr).toContain('WORK_STATUS.md');
    expect(lock.stderr).toContain('no space left');
    expect(lock.out).not.toMatch(STACK);
    expectNothingWritten(repo, wt, head, text);

    const commit = run('git', ['commit', '-q', '-m', 'blocked by a full disk'], wt, env);
    expect(commit.code, commit.out).not.toBe(0);
    expect(commit.stderr).toContain('no space left');
    expect(commit.out).not.toMatch(STACK);
    expectNothingWritten(repo, wt, head, text);

    fs.rmSync(path.join(mnt, 'filler'));
    const again = run('git', ['commit', '-q', '-m', 'with space again'], wt, env);
    expect(again.code, again.out).toBe(0);
    const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md'], { cwd: wt });
    expect(committed.match(/alice[^\n]*src\/a\.ts/g)).toHaveLength(1);
    expect(fs.readFileSync(path.join(wt, 'WORK_STATUS.md'), 'utf8')).toBe(committed);
  });
});

describe('permission denied (EACCES: orch and git run as nobody)', () => {
  const why = whyNotAsNobody();
  function ownedByNobody(): { repo: TempRepo; base: string } {
    const repo = tempRepo();
    const base = path.dirname(repo.dir);
    spawnSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, base]);
    // root's own git calls below (checks of HEAD and the index) trust the repository
    Object.assign(repo.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' });
    return { repo, base };
  }

  it('an unreadable status file: lock and commit exit 2 naming it, nothing written', (ctx) => {
    if (why) ctx.skip(why);
    const { repo } = ownedByNobody();
    const text = repo.read('WORK_STATUS.md');
    const head = repo.ok(['rev-parse', 'HEAD']);
    fs.chmodSync(path.join(repo.dir, 'WORK_STATUS.md'), 0o000);
    const env = { ...repo.env, ORCH_AGENT: 'alice' };
    const lock = run(process.execPath, [ORCH_BIN, 'lock', 'src/b.ts'], repo.dir, env, NOBODY);
    expect(lock.code, lock.out).toBe(2);
    expect(lock.stderr).toMatch(/cannot read .*WORK_STATUS\.md/);
    expect(lock.out).not.toMatch(STACK);
    repo.write('src/a.ts', 'x\n');
    expect(run('git', ['add', 'src/a.ts'], repo.dir, env, NOBODY).code).toBe(0);
    const commit = run('git', ['commit', '-q', '-m', 'blocked'], repo.dir, env, NOBODY);
    expect(commit.code, commit.out).not.toBe(0);
    expect(commit.stderr).toContain('WORK_STATUS.md');
    expect(commit.out).not.toMatch(STACK);
    fs.chmodSync(path.join(repo.dir, 'WORK_STATUS.md'), 0o644);
    expectNothingWritten(repo, repo.dir, head, text);
  });

  it('a directory orch may not write in: lock and commit exit 2 naming the file, nothing written', (ctx) => {
    if (why) ctx.skip(why);
    const { repo } = ownedByNobody();
    const text = repo.read('WORK_STATUS.md');
    const head = repo.ok(['rev-parse', 'HEAD']);
    const env = { ...repo.env, ORCH_AGENT: 'alice' };
    repo.write('src/a.ts', 'x\n');
    expect(run('git', ['add', 'src/a.ts'], repo.dir, env, NOBODY).code).toBe(0);
    fs.chmodSync(repo.dir, 0o555);
    try {
      const lock = run(process.execPath, [ORCH_BIN, 'lock', 'src/b.ts'], repo.dir, env, NOBODY);
      expect(lock.code, lock.out).toBe(2);
      expect(lock.stderr).toMatch(/Cannot write .*WORK_STATUS\.md: permission denied/);
      expect(lock.out).not.toMatch(STACK);
      const commit = run('git', ['commit', '-q', '-m', 'blocked'], repo.dir, env, NOBODY);
      expect(commit.code, commit.out).not.toBe(0);
      expect(commit.stderr).toMatch(/Cannot write .*WORK_STATUS\.md/);
      expect(commit.out).not.toMatch(STACK);
    } finally {
      fs.chmodSync(repo.dir, 0o755);
    }
    expectNothingWritten(repo, repo.dir, head, text);
  });
});

describe.skipIf(!canChattr())('an immutable status file (chattr +i: even root gets EPERM)', () => {
  it('lock and commit exit 2 naming the file; nothing written', () => {
    const repo = tempRepo();
    const text = repo.read('WORK_STATUS.md');
    const head = repo.ok(['rev-parse', 'HEAD']);
    repo.write('src/a.ts', 'x\n');
    repo.ok(['add', 'src/a.ts']);
    const file = path.join(repo.dir, 'WORK_STATUS.md');
    expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
    immutable.push(file);
    try {
      const lock = repo.orch(['lock', 'src/b.ts'], { env: { ORCH_AGENT: 'alice' } });
      expect(lock.code, lock.out).toBe(2);
      expect(lock.stderr).toMatch(/Cannot write .*WORK_STATUS\.md: permission denied/);
      const commit = repo.commit('blocked', { env: { ORCH_AGENT: 'alice' } });
      expect(commit.code, commit.out).not.toBe(0);
      expect(commit.stderr).toContain('WORK_STATUS.md');
      expect(commit.out).not.toMatch(STACK);
    } finally {
      spawnSync('chattr', ['-i', file]);
    }
    expectNothingWritten(repo, repo.dir, head, text);
    // once writable again, the same commit goes through
    expect(repo.commit('now', { env: { ORCH_AGENT: 'alice' } }).code).toBe(0);
  });
});

describe("orch's own lock file left by a killed process", () => {
  it('a dead pid in <git-common-dir>/orch/status.lock: the next orch lock succeeds at once', () => {
    const repo = tempRepo();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    const common = path.resolve(repo.dir, repo.ok(['rev-parse', '--git-common-dir']).trim());
    const lockFile = path.join(common, 'orch', 'status.lock');
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid, hostname: os.hostname(), time: new Date().toISOString(), token: `dead-${pid}` }) + '\n',
    );
    const t = Date.now();
    const r = repo.orch(['lock', 'src/a.ts'], { env: { ORCH_AGENT: 'alice' } });
    expect(r.code, r.out).toBe(0);
    expectFasterThan(Date.now() - t, 5_000, 'orch lock');
    expect(repo.read('WORK_STATUS.md')).toContain('| src/a.ts | alice |');
    expect(fs.existsSync(lockFile)).toBe(false);
    // and a commit (whose record step takes the same lock) after another crash
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid, hostname: os.hostname(), time: new Date().toISOString(), token: `dead2-${pid}` }) + '\n',
    );
    repo.write('src/a.ts', 'x\n');
    repo.ok(['add', 'src/a.ts']);
    const c = repo.commit('after a crash', { env: { ORCH_AGENT: 'alice' } });
    expect(c.code, c.out).toBe(0);
    expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/alice[^\n]*src\/a\.ts/);
  });
});
