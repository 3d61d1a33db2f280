// Globs built to make picomatch's regular expressions backtrack for minutes: taking such a
// lock is refused with exit 2, one written into WORK_STATUS.md by hand is matched in bounded
// time (conservatively: it covers its static base directory), and any glob orch accepts
// matches any path quickly.
import fc from 'fast-check';
import picomatch from 'picomatch';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLockIndex } from '../../src/locks/lockIndex.js';
import { locksOverlap } from '../../src/locks/locksOverlap.js';
import { globComplexity } from '../../src/match/globComplexity.js';
import type { Lock } from '../../src/types.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';
import { expectFasterThan } from '../helpers/timing.js';

afterAll(cleanupAll);

const A = (n: number) => 'a'.repeat(n);
/** Each with a path that makes the unguarded regex take seconds or far longer. */
const EVIL: Array<[string, string, string]> = [
  ['stars in one segment', 'src/' + '*a'.repeat(12) + '*b', 'src/' + A(250)],
  ['stars across segments', Array(8).fill('*a*a*').join('/') + 'b', Array(8).fill(A(60)).join('/')],
  ['globstar stars', '**a**a**a**a**b', A(200)],
  ['question-star runs', 'x/' + '?*'.repeat(6) + 'b', 'x/' + A(250)],
  ['overlapping braces', 'src/' + '{a,aa}'.repeat(20) + 'b', 'src/' + A(60)],
  ['many globstar segments', Array(30).fill('**').join('/') + '/x', 'a/'.repeat(200) + 'y'],
  ['long pattern', 'src/' + 'a'.repeat(600) + '*', 'src/' + A(100)],
];

const lock = (path: string, agent = 'mallory'): Lock => ({ path, agent, line: 1 });
const timed = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

describe('globs built to be slow', () => {
  it.each(EVIL)('%s: refused as a lock, and matched in bounded time when written by hand', (_name, pattern, path) => {
    expect(globComplexity(pattern).problem).not.toBeNull();
    const index = buildLockIndex([lock(pattern)], { ignoreCase: false });
    const [hits, ms] = timed(() => [index.match(path), index.match(path + '/deeper.ts'), index.match('other/' + path)]);
    expectFasterThan(ms, 500, 'matching');
    // conservative: the glob covers its static base directory, so nothing slips past it
    const base = picomatch.scan(pattern).base;
    expect(hits[0]).toHaveLength(1);
    if (base) expect(hits[2]).toHaveLength(0);
    const [overlap, ms2] = timed(() => locksOverlap(path, pattern, false) && locksOverlap(pattern, path, true));
    expect(overlap).toBe(true);
    expectFasterThan(ms2, 500, 'overlap');
  });

  it('an acceptable glob against a path too long to match quickly falls back to its base directory', () => {
    const index = buildLockIndex([lock('src/*a*a*b')], { ignoreCase: false });
    const [hit, ms] = timed(() => index.match('src/' + A(4000)));
    expectFasterThan(ms, 500);
    expect(hit).toHaveLength(1);
    // short paths still get the exact answer
    expect(index.match('src/xaxaxb')).toHaveLength(1);
    expect(index.match('src/xyz')).toHaveLength(0);
    expect(index.match('lib/xaxaxb')).toHaveLength(0);
  });

  it('everyday lock globs stay exact and accepted', () => {
    for (const g of [
      'src/**/*.ts',
      'services/*/src/**/*.{ts,tsx}',
      '**/openapi.{yaml,yml,json}',
      '**/migrations/**',
      'apps/web/**',
      'docs/*.md',
      'src/{a,b,c}/**',
      'lib/**/*-*.ts',
    ]) {
      expect(globComplexity(g).problem, g).toBeNull();
    }
    const index = buildLockIndex([lock('services/*/src/**/*.{ts,tsx}')], { ignoreCase: false });
    expect(index.match('services/orders/src/a/b/handler.tsx')).toHaveLength(1);
    expect(index.match('services/orders/test/handler.tsx')).toHaveLength(0);
  });

  it('every glob the guard accepts matches adversarial paths quickly (property)', () => {
    const token = fc.constantFrom(
      '*',
      '**',
      'a',
      'a',
      'b',
      '?',
      '{a,aa}',
      '+(a|aa)',
      '[ab]',
      '.',
      '*(a)',
      '!(b)',
      '{a,b,ab}',
      '@(a|b)',
    );
    const pattern = fc
      .array(
        fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join('')),
        { minLength: 1, maxLength: 5 },
      )
      .map((s) => s.join('/'));
    const subject = fc
      .tuple(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom('', 'c', '/c', 'b', '/'),
        fc.constantFrom('a', 'ab', 'aab'),
      )
      .map(
        ([n, len, tail, unit]) =>
          Array.from({ length: n }, () => unit.repeat(Math.ceil(len / unit.length)).slice(0, len)).join('/') + tail,
      );
    let worst = 0;
    let accepted = 0;
    fc.assert(
      fc.property(pattern, fc.array(subject, { minLength: 1, maxLength: 3 }), (p, paths) => {
        if (globComplexity(p).problem) return;
        accepted++;
        const index = buildLockIndex([lock(p)], { ignoreCase: false });
        for (const s of paths) {
          const [, ms] = timed(() => index.match(s));
          worst = Math.max(worst, ms);
          // a catastrophic case takes seconds to hours; the bound leaves room for a loaded machine
          expectFasterThan(ms, 1500, s);
        }
      }),
      { numRuns: 400 },
    );
    console.log(`[reliability] slow globs: ${accepted} accepted patterns matched, worst ${worst.toFixed(0)} ms`);
    expect(accepted).toBeGreaterThan(50);
  });
});

describe('through the CLI', () => {
  it('orch lock refuses a slow glob with exit 2 and says why; a commit against a hand-written one finishes quickly', () => {
    const repo = tempRepo();
    const evil = 'src/' + '*a'.repeat(12) + '*b';
    const r = repo.orch(['lock', evil], { env: { ORCH_AGENT: 'mallory' } });
    expect(r.code, r.out).toBe(2);
    expect(r.stderr).toContain('too costly to match');
    expect(r.stderr).toContain('wildcards');
    expect(repo.read('WORK_STATUS.md')).not.toContain('mallory');

    // written by hand into the table, it still binds — in bounded time
    const status = repo
      .read('WORK_STATUS.md')
      .replace(
        '| --- | --- | --- | --- | --- | --- |\n',
        `| --- | --- | --- | --- | --- | --- |\n| ${evil} | mallory | - | 2026-11-26T09:00Z | - | - |\n`,
      );
    repo.write('WORK_STATUS.md', status);
    repo.ok(['add', 'WORK_STATUS.md']);
    repo.ok(['commit', '-q', '--no-verify', '-m', 'hand edit']);
    repo.write(`src/${A(240)}`, 'x\n');
    repo.ok(['add', '-A']);
    const t = Date.now();
    const c = repo.commit('touch a long name under the glob', { env: { ORCH_AGENT: 'alice' } });
    expectFasterThan(Date.now() - t, 20_000, 'commit');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('lock-conflict');
    // and taking a lock that overlaps it is quick too
    const t2 = Date.now();
    const l = repo.orch(['lock', `src/${A(240)}`], { env: { ORCH_AGENT: 'alice' } });
    expectFasterThan(Date.now() - t2, 20_000, 'orch lock');
    expect(l.code).toBe(1);
  });
});
