import { describe, expect, it } from 'vitest';
import { buildLockIndex } from '../../../src/locks/lockIndex.js';
import { locksOverlap } from '../../../src/locks/locksOverlap.js';
import { isExpired, lockExpiry, parseStatusDate, parseDuration } from '../../../src/locks/lockTimes.js';
import type { Lock } from '../../../src/types.js';

const lock = (path: string, agent = 'a'): Lock => ({ path, agent, line: 1 });
const paths = (ls: Lock[]) => ls.map((l) => l.path).sort();

describe('buildLockIndex', () => {
  const index = buildLockIndex(
    [
      lock('api/openapi.yaml'),
      lock('services/orders/'),
      lock('src/legacy'),
      lock('schemas/**/*.sql'),
      lock('app/(shop)/[id]/page.tsx'),
    ],
    { ignoreCase: false, existsLiterally: (p) => p === 'app/(shop)/[id]/page.tsx' },
  );
  it('matches exact paths', () => expect(paths(index.match('api/openapi.yaml'))).toEqual(['api/openapi.yaml']));
  it('matches everything under a directory lock, with or without slash', () => {
    expect(paths(index.match('services/orders/a/b/c.go'))).toEqual(['services/orders/']);
    expect(paths(index.match('src/legacy/x.ts'))).toEqual(['src/legacy']);
    expect(index.match('services/orders-v2/main.go')).toEqual([]);
  });
  it('matches globs', () => {
    expect(paths(index.match('schemas/a/b/001.sql'))).toEqual(['schemas/**/*.sql']);
    expect(index.match('schemas/a/readme.md')).toEqual([]);
  });
  it('treats an existing bracketed path literally', () => {
    expect(paths(index.match('app/(shop)/[id]/page.tsx'))).toEqual(['app/(shop)/[id]/page.tsx']);
    expect(index.match('app/(shop)/i/page.tsx')).toEqual([]);
  });
  it('folds case only when asked', () => {
    expect(index.match('API/OpenAPI.yaml')).toEqual([]);
    const folded = buildLockIndex([lock('API/OpenAPI.yaml'), lock('Docs/**')], { ignoreCase: true });
    expect(folded.match('api/openapi.yaml')).toHaveLength(1);
    expect(folded.match('docs/x.md')).toHaveLength(1);
  });
  it('returns every lock that covers a path', () => {
    const both = buildLockIndex([lock('a/'), lock('a/b.ts', 'b'), lock('**/*.ts', 'c')], { ignoreCase: false });
    expect(
      both
        .match('a/b.ts')
        .map((l) => l.agent)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('locksOverlap', () => {
  it.each([
    ['a/b.ts', 'a/b.ts', true],
    ['a/', 'a/b.ts', true],
    ['a/b.ts', 'a/', true],
    ['a', 'ab/c', false],
    ['src/**/*.ts', 'src/x/y.ts', true],
    ['src/**/*.ts', 'src/', true],
    ['src/**/*.ts', 'lib/x.ts', false],
    ['src/**', 'src/api/**', true],
    ['src/**', 'lib/**', false],
  ])('%s vs %s → %s', (a, b, want) => {
    expect(locksOverlap(a, b, false)).toBe(want);
    expect(locksOverlap(b, a, false)).toBe(want);
  });
});

describe('lock times', () => {
  it('parses the date forms people write', () => {
    expect(parseStatusDate('2026-01-18')?.toISOString()).toBe('2026-01-18T00:00:00.000Z');
    expect(parseStatusDate('2025-11-08 12:00')?.toISOString()).toBe('2025-11-08T12:00:00.000Z');
    expect(parseStatusDate('2026-11-26T09:00Z')?.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(parseStatusDate('2026-11-26T09:00:30+02:00')?.toISOString()).toBe('2026-11-26T07:00:30.000Z');
    expect(parseStatusDate('tomorrow')).toBeUndefined();
  });
  it('a lock without expiry never expires unless locks.ttl is set', () => {
    const l: Lock = { path: 'x', agent: 'a', since: '2020-01-01T00:00Z', line: 1 };
    const now = new Date('2026-01-01T00:00Z');
    expect(isExpired(l, now, undefined)).toBe(false);
    expect(isExpired(l, now, '8h')).toBe(true);
    expect(lockExpiry(l, '8h')?.toISOString()).toBe('2020-01-01T08:00:00.000Z');
  });
  it('a bare date as expiry lasts through that day', () => {
    const l: Lock = { path: 'x', agent: 'a', expires: '2026-01-18', line: 1 };
    expect(isExpired(l, new Date('2026-01-18T23:00Z'), undefined)).toBe(false);
    expect(isExpired(l, new Date('2026-01-19T00:01Z'), undefined)).toBe(true);
  });
  it('reads durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('8 hours')).toBeUndefined();
  });
});
