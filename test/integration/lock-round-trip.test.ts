// Write only what reads back, through the whole chain: `orch lock <path>` either refuses
// (exit 2, nothing written) or writes a lock that binds exactly that path — another agent's
// commit of it is blocked, the holder's goes through — and `orch unlock` frees it again.
// The paths are locked one by one (so each refusal is its own) and committed together, to
// keep the number of git runs small.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { lockablePath } from '../helpers/pathArbitraries.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

// The paths that broke before, and a few generated ones (a fixed seed: the same each run).
const FIXED = [
  'src/a`b`c.js',
  'src/<!--.js',
  '-',
  'none',
  'dir with space/é 日|x.ts',
  'src/[id]/*page*.tsx',
  '__init__/**bold**.md',
  'n/a/',
];
const GENERATED = fc.sample(
  lockablePath.filter((p) => !/^\s|\s$|\/\s|\s\/|\*\*$|^\*\*\/?$/.test(p)),
  { seed: 16, numRuns: 3 },
);

interface Finding {
  rule: string;
  path: string;
  holder?: string;
  message: string;
}

it('every path orch lock accepts binds exactly that path for its holder, or is refused before anything is written', () => {
  const repo = tempRepo();
  const holder = { ORCH_AGENT: 'lock-holder' };
  const outsider = { ORCH_AGENT: 'outsider-agent' };
  const accepted: Array<{ lock: string; file: string }> = [];
  for (const p of [...new Set([...FIXED, ...GENERATED])]) {
    const before = repo.read('WORK_STATUS.md');
    const lock = repo.orch(['lock', '--', p], { env: holder });
    if (lock.code !== 0) {
      expect(lock.code, `${p}: ${lock.out}`).toBe(2);
      expect(repo.read('WORK_STATUS.md'), p).toBe(before);
      continue;
    }
    accepted.push({ lock: p, file: p.endsWith('/') ? `${p}probe.txt` : p });
  }
  // the chain really runs: the paths that broke before are all accepted now
  for (const p of FIXED) expect(accepted.map((a) => a.lock)).toContain(p);

  for (const { file } of accepted) {
    fs.mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, file), 'x\n');
    repo.ok(['add', '--', file]);
  }
  const blocked = repo.commit('outsider edits every locked path', { env: outsider });
  expect(blocked.code, blocked.out).toBe(1);
  // each file is blocked by its own lock, exactly as written
  const report = JSON.parse(repo.orch(['check', '--staged', '--format', 'json'], { env: outsider }).stdout) as {
    findings: Finding[];
  };
  for (const { lock, file } of accepted) {
    const own = report.findings.filter(
      (f) => f.rule === 'lock-conflict' && f.path === file && f.holder === 'lock-holder',
    );
    const exact =
      lock === file
        ? own.some((f) => !f.message.includes('covered by'))
        : own.some((f) => f.message.includes(`covered by the lock on ${lock})`));
    expect(exact, `${lock} → ${file}: ${JSON.stringify(own)}`).toBe(true);
  }
  const allowed = repo.commit('holder edits every locked path', { env: holder });
  expect(allowed.code, allowed.out).toBe(0);

  const unlock = repo.orch(['unlock', '--', ...accepted.map((a) => a.lock)], { env: holder });
  expect(unlock.code, unlock.out).toBe(0);
  expect(JSON.parse(repo.orch(['status', '--format', 'json']).stdout).locks).toEqual([]);
});

it('a lock on ** binds every path for everyone else', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', '--', '**'], { env: { ORCH_AGENT: 'lock-holder' } }).code).toBe(0);
  repo.write('any/where.txt', 'x\n');
  repo.ok(['add', '--', 'any/where.txt']);
  const r = repo.commit('outsider', { env: { ORCH_AGENT: 'outsider-agent' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('covered by the lock on **');
  expect(repo.commit('holder', { env: { ORCH_AGENT: 'lock-holder' } }).code).toBe(0);
});

it('refuses, with exit 2 and nothing written, what would not read back: a backslash path, a holder that is not a name', () => {
  const repo = tempRepo();
  const before = repo.read('WORK_STATUS.md');
  const back = repo.orch(['lock', 'src/back\\sl.js'], { env: { ORCH_AGENT: 'lock-holder' } });
  expect(back.code).toBe(2);
  expect(back.stderr).toContain('a backslash is read as a directory separator');
  const phrase = repo.orch(['lock', 'src/app.js'], { env: { ORCH_AGENT: 'maybe someone' } });
  expect(phrase.code).toBe(2);
  expect(phrase.stderr).toContain('"maybe someone" cannot hold a lock');
  expect(repo.read('WORK_STATUS.md')).toBe(before);
  expect(phrase.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
});
