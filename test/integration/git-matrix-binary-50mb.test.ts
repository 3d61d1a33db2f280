// A 50 MB binary file: added, changed and deleted through real commits. orch lists it and
// checks its path, and never reads its content: the commit costs about what orch costs for
// any commit, and orch's memory stays at its baseline (reading the blob would add ≥ 100 MB).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';
import { expectFasterThan } from '../helpers/timing.js';

afterAll(cleanupAll);

const SIZE = 50 * 1024 * 1024;
const hasTime = fs.existsSync('/usr/bin/time');

function timedCommit(repo: TempRepo, message: string, args: string[] = []): number {
  const t = performance.now();
  const r = repo.commit(message, { env: { ORCH_AGENT: 'agent-a' }, args });
  expect(r.code, r.out).toBe(0);
  return performance.now() - t;
}

/** Peak resident memory (kB) of `orch check --staged`, from GNU time. */
function peakKb(repo: TempRepo): number {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ORCH_BIN, 'check', '--staged'], {
    cwd: repo.dir,
    env: { ...repo.env, ORCH_AGENT: 'agent-a' },
    encoding: 'utf8',
  });
  return Number(r.stderr.trim().split('\n').pop());
}

it('a 50 MB binary: add, change, delete commit quickly and orch never loads it', () => {
  const repo = tempRepo();
  const timings: Record<string, number> = {};
  const mem: Record<string, number> = {};

  repo.write('assets/plain.bin', crypto.randomBytes(SIZE));
  repo.ok(['add', 'assets/plain.bin']);
  timings['add, without orch (--no-verify)'] = timedCommit(repo, 'baseline', ['--no-verify']);

  repo.write('assets/video.bin', crypto.randomBytes(SIZE));
  repo.ok(['add', 'assets/video.bin']);
  if (hasTime) mem.add = peakKb(repo);
  timings['add, with orch'] = timedCommit(repo, 'add a video');
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*A assets\/video\.bin/);

  repo.write('assets/video.bin', crypto.randomBytes(SIZE));
  repo.ok(['add', 'assets/video.bin']);
  if (hasTime) mem.change = peakKb(repo);
  timings['change, with orch'] = timedCommit(repo, 'change the video');

  repo.ok(['rm', '-q', 'assets/video.bin']);
  timings['delete, with orch'] = timedCommit(repo, 'delete the video');

  // a lock on it still binds: the path is checked like any other
  expect(repo.orch(['lock', 'assets/plain.bin'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.write('assets/plain.bin', crypto.randomBytes(SIZE));
  repo.ok(['add', 'assets/plain.bin']);
  const blocked = repo.commit("a changes b's binary", { env: { ORCH_AGENT: 'agent-a' } });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('is locked by agent-b');

  console.log(
    `[git-matrix] 50 MB binary: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
      .join('; ')}` +
      (hasTime
        ? `; orch check --staged peak memory ${Object.entries(mem)
            .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} MB`)
            .join(', ')}`
        : ''),
  );
  for (const [k, v] of Object.entries(timings)) expectFasterThan(v, 15_000, k);
  // orch's own cost does not grow with the file: within a few seconds of the plain commit
  expectFasterThan(timings['add, with orch'] - timings['add, without orch (--no-verify)'], 5_000, "orch's share");
  for (const [k, v] of Object.entries(mem)) expect(v, k).toBeLessThan(150 * 1024);
});
