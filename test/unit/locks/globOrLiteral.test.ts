import { describe, expect, it } from 'vitest';
import { buildLockIndex } from '../../../src/locks/lockIndex.js';
import { locksOverlap } from '../../../src/locks/locksOverlap.js';
import type { Lock } from '../../../src/types.js';

const lock = (path: string, agent = 'backend-architect'): Lock => ({ path, agent, line: 1 });

describe('glob or literal is decided by the lock text and a committed tree', () => {
  it('a glob lock covers what it matches and its own path as written', () => {
    const index = buildLockIndex([lock('src/*.js'), lock('src/[ab].ts', 'qa')], {
      ignoreCase: false,
      existsLiterally: () => false,
    });
    expect(index.match('src/app.js')).toHaveLength(1);
    expect(index.match('src/*.js')).toHaveLength(1);
    expect(index.match('lib/app.js')).toEqual([]);
    // `[ab]` as a pattern never matches the name `[ab]`: the path as written is covered anyway
    expect(index.match('src/a.ts').map((l) => l.agent)).toEqual(['qa']);
    expect(index.match('src/[ab].ts').map((l) => l.agent)).toEqual(['qa']);
  });

  it('a path the committed tree holds as written is that path only (a Next.js route)', () => {
    const route = 'app/(shop)/[id]/page.tsx';
    const index = buildLockIndex([lock(route)], { ignoreCase: false, existsLiterally: (p) => p === route });
    expect(index.match(route)).toHaveLength(1);
    expect(index.match('app/(shop)/i/page.tsx')).toEqual([]);
  });

  it('without a tree to ask, a bracketed lock covers both readings', () => {
    const index = buildLockIndex([lock('app/[id]/page.tsx')], { ignoreCase: false });
    expect(index.match('app/[id]/page.tsx')).toHaveLength(1);
    expect(index.match('app/i/page.tsx')).toHaveLength(1);
  });

  it('overlap when taking a lock compares the literal path too', () => {
    expect(locksOverlap('src/*.js', 'src/*.js', false, () => true)).toBe(true);
    expect(locksOverlap('src/*.js', 'src/app.js', false)).toBe(true);
    expect(locksOverlap('src/[ab].js', 'src/[ab].js/x', false)).toBe(true);
    expect(locksOverlap('src/*.js', 'lib/app.js', false)).toBe(false);
  });
});
