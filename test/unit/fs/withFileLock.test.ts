import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrchError } from '../../../src/errors.js';
import { withFileLock } from '../../../src/fs/withFileLock.js';
import { buildChild } from './buildChild.js';
import { spawnChild } from './spawnChild.js';
import { expectFasterThan } from '../../helpers/timing.js';

let child: string;
let dir: string;
let lock: string;

beforeAll(async () => {
  child = await buildChild();
});
afterAll(() => rmSync(join(child, '..'), { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orch-lock-'));
  lock = join(dir, 'status.lock');
  return () => rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deadPid(): number {
  const p = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(p.stdout);
}

function writeLock(info: Record<string, unknown>, ageMs = 0): void {
  writeFileSync(lock, JSON.stringify(info));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(lock, then, then);
  }
}

async function lockError(promise: Promise<unknown>): Promise<OrchError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(OrchError);
    return e as OrchError;
  }
  throw new Error('expected the lock to time out');
}

async function appendFromChildren(count: number): Promise<string[]> {
  const file = join(dir, 'WORK_STATUS.md');
  const inside = join(dir, 'inside');
  const startAt = String(Date.now() + 1500);
  const children = Array.from({ length: count }, (_, i) =>
    spawnChild(child, ['append', lock, file, `line ${i}`, inside, startAt]),
  );
  const results = await Promise.all(children.map((c) => c.exited));
  for (const r of results)
    expect({ code: r.code, stderr: r.stderr, lines: r.lines }).toEqual({ code: 0, stderr: '', lines: [{ ok: true }] });
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

describe('withFileLock across processes', () => {
  it('serialises 20 processes appending to one file: every line arrives, never two holders at once', async () => {
    const lines = await appendFromChildren(20);
    expect(lines.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`).sort());
    expect(readdirSync(dir).sort()).toEqual(['WORK_STATUS.md']);
  });

  it('lets exactly one of 20 waiters take over a lock left by a dead process', async () => {
    writeLock({ pid: deadPid(), hostname: hostname(), time: '2026-01-01T00:00:00Z', token: 'dead' });
    const lines = await appendFromChildren(20);
    expect(new Set(lines).size).toBe(20);
    expect(readdirSync(dir).sort()).toEqual(['WORK_STATUS.md']);
  });

  it('times out on a lock held by a live process, naming the file, the pid and how to clear it', async () => {
    const holder = spawnChild(child, ['hold', lock, '10000']);
    try {
      const { pid } = await holder.waitFor((l) => l.held === true);
      const started = Date.now();
      const e = await lockError(withFileLock(lock, async () => 'never', { timeoutMs: 300 }));
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(290);
      expectFasterThan(waited, 2000, 'waited');
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain(
        `Timed out after 0.3s waiting for the lock ${lock}: it is held by pid ${pid} on ${hostname()} since `,
      );
      expect(e.hint).toContain(`kill ${pid}`);
      expect(e.hint).toContain(`rm "${lock}"`);
    } finally {
      holder.process.kill('SIGKILL');
      await holder.exited;
    }
  });

  it("keeps a long-running holder's lock fresh, so waiters do not take it over as stale", async () => {
    const holder = spawnChild(child, ['hold', lock, '2500', '600']);
    try {
      await holder.waitFor((l) => l.held === true);
      await sleep(700); // past staleMs since the lock was created
      const e = await lockError(withFileLock(lock, async () => 'stolen', { timeoutMs: 1000, staleMs: 600 }));
      expect(e.message).toContain('Timed out');
      expect((await holder.exited).lines).toContainEqual({ released: true });
      expect(existsSync(lock)).toBe(false);
    } finally {
      holder.process.kill('SIGKILL');
    }
  });
});

describe('withFileLock in one process', () => {
  it('recovers a lock whose process is dead, quickly', async () => {
    writeLock({ pid: deadPid(), hostname: hostname(), time: '2026-01-01T00:00:00Z', token: 'dead' });
    const started = Date.now();
    expect(await withFileLock(lock, async () => readFileSync(lock, 'utf8'), { timeoutMs: 5000 })).toContain(
      `"pid":${process.pid}`,
    );
    expectFasterThan(Date.now() - started, 1000, 'recovery');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock older than staleMs even when its pid is alive', async () => {
    writeLock({ pid: process.pid, hostname: hostname(), time: '2026-01-01T00:00:00Z', token: 'old' }, 120_000);
    expect(await withFileLock(lock, async () => 'got it', { timeoutMs: 2000 })).toBe('got it');
  });

  it('does not judge a lock from another host by its pid, and says where it is held', async () => {
    writeLock({ pid: deadPid(), hostname: 'build-agent-7', time: '2026-01-01T00:00:00Z', token: 'remote' });
    const e = await lockError(withFileLock(lock, async () => 'never', { timeoutMs: 200 }));
    expect(e.message).toContain('on build-agent-7');
    expect(e.hint).toContain('another machine');
    expect(e.hint).toContain(`rm "${lock}"`);
  });

  it('waits on a lock file that names no holder until it is stale', async () => {
    writeFileSync(lock, '');
    const e = await lockError(withFileLock(lock, async () => 'never', { timeoutMs: 200 }));
    expect(e.message).toContain('it exists but does not say who holds it');
    const then = new Date(Date.now() - 120_000);
    utimesSync(lock, then, then);
    expect(await withFileLock(lock, async () => 'taken over', { timeoutMs: 2000 })).toBe('taken over');
  });

  it('serialises concurrent calls: 30 read-modify-write cycles lose no update', async () => {
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    await Promise.all(
      Array.from({ length: 30 }, () =>
        withFileLock(lock, async () => {
          const n = Number(readFileSync(counter, 'utf8'));
          await sleep(1);
          writeFileSync(counter, String(n + 1));
        }),
      ),
    );
    expect(readFileSync(counter, 'utf8')).toBe('30');
  });

  it('writes who holds the lock, and removes it afterwards', async () => {
    const seen = await withFileLock(lock, async () => JSON.parse(readFileSync(lock, 'utf8')));
    expect(seen).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(new Date(seen.time).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when fn throws, and passes the error on', async () => {
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
    expect(await withFileLock(lock, async () => 'next', { timeoutMs: 100 })).toBe('next');
  });

  it('does not delete a lock that someone else took over while fn ran', async () => {
    const foreign = JSON.stringify({ pid: process.pid, hostname: hostname(), time: 'now', token: 'someone-else' });
    await withFileLock(lock, async () => {
      rmSync(lock);
      writeFileSync(lock, foreign);
    });
    expect(readFileSync(lock, 'utf8')).toBe(foreign);
  });

  it("creates the lock file's directory when it is missing", async () => {
    const nested = join(dir, 'a', 'b', 'orch.lock');
    expect(await withFileLock(nested, async () => existsSync(nested))).toBe(true);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('refuses a nested call on the same lock instead of waiting for itself forever', async () => {
    const nested = withFileLock(lock, () => withFileLock(lock, async () => 'inner', { timeoutMs: 60_000 }));
    await expect(nested).rejects.toThrow('not re-entrant');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('an empty lock file (a process killed between creating and writing it)', () => {
  it('is taken over after a few seconds, not after staleMs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orch-empty-lock-'));
    try {
      const lock = join(dir, 'status.lock');
      writeFileSync(lock, '');
      const old = new Date(Date.now() - 10_000);
      utimesSync(lock, old, old);
      const started = Date.now();
      const got = await withFileLock(lock, async () => 'ran', { timeoutMs: 5000, staleMs: 60_000 });
      expect(got).toBe('ran');
      expectFasterThan(Date.now() - started, 5000, 'taking over');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
