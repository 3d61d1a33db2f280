// The edit index answers "nothing can bind this path" for the pre-tool check without the
// rules: it must never say so for a path a lock or a contract covers (README: "Speed"),
// whatever the lock's shape, case, glob or literal reading — and it must say so for paths
// nothing covers, or the fast answer would never be given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Config, configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { mayBind } from '../../../src/agent/editIndex.js';
import { buildEditIndex } from '../../../src/agent/writeEditIndex.js';
import { sameAgent, UNKNOWN_HOLDER } from '../../../src/identity/sameAgent.js';
import { buildLockIndex } from '../../../src/locks/lockIndex.js';
import { lockExpiry } from '../../../src/locks/lockTimes.js';
import { contractMatcher } from '../../../src/match/contractMatcher.js';
import type { Lock } from '../../../src/types.js';
import { lockablePath } from '../../helpers/pathArbitraries.js';

const config = (input: ConfigInput = {}) => configSchema.parse(input);
const lock = (path: string, agent = 'backend-architect'): Lock => ({ path, agent, line: 10 });

/**
 * Whether the full check could do anything but allow an edit of `p` by `me` without a
 * write: another agent's lock covers it (lock-conflict), an own lock that can expire
 * covers it (a lease to renew), or a contract does — in any way the rules match.
 */
function bound(locks: Lock[], config: Config, p: string, literal: (q: string) => boolean, me: string) {
  const foreign = locks.filter((l) => !sameAgent(l.agent, me));
  const expiring = locks.filter((l) => sameAgent(l.agent, me) && lockExpiry(l, config.locks.ttl) !== undefined);
  for (const some of [foreign, expiring])
    for (const ignoreCase of [true, false])
      for (const existsLiterally of [literal, () => false, () => true])
        if (buildLockIndex(some, { ignoreCase, existsLiterally }).match(p).length) return true;
  return contractMatcher(config.contracts, { ignoreCase: true })(p).length > 0;
}

/** Paths near a lock path: its globs filled in, deeper, another case, a trailing slash. */
function near(lockPath: string, pick: number): string {
  const filled = lockPath
    .replace(/\*\*/g, 'x/y')
    .replace(/[*?]/g, 'q')
    .replace(/[[\]{}()!]/g, '');
  const variants = [
    lockPath,
    filled,
    `${filled.replace(/\/+$/, '')}/deeper/file.ts`,
    filled.toUpperCase(),
    `${lockPath.replace(/\/+$/, '')}/`,
    filled.normalize('NFD'),
  ];
  return variants[pick % variants.length].replace(/^\/+/, '') || 'x';
}

describe('edit index', () => {
  it('finds something for every path a lock or a contract covers', () => {
    const contracts: ConfigInput['contracts'] = [
      { name: 'api', paths: ['**/openapi.{yaml,yml,json}', 'proto/**/*.proto'], owners: ['backend-architect'] },
      { name: 'db', paths: ['db/migrations/**'], owners: ['database-architect'], requireLock: true },
    ];
    const agents = ['backend-architect', '@Backend-Architect ', 'qa-engineer', UNKNOWN_HOLDER];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lockablePath, fc.nat(3), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.nat(2),
        (specs, picks, literalFlags, ttl, meAt) => {
          const locks = specs.map(([p, a, expires, since]) => ({
            ...lock(p, agents[a]),
            ...(expires ? { expires: '2027-01-01T00:00Z' } : {}),
            ...(since ? { since: '2026-11-01T00:00Z' } : {}),
          }));
          const paths = locks.map((l) => l.path);
          const cfg = config({ contracts, locks: ttl ? { ttl: '8h' } : {} });
          const index = buildEditIndex('key', cfg, locks, '.orchrc.json');
          // a lock on everything gets no index: every edit takes the quick check
          if (!index) return;
          const me = ['backend-architect', 'qa-engineer', 'docs-writer'][meAt];
          const literal = (q: string) => literalFlags[paths.findIndex((p) => p.replace(/\/+$/, '') === q) % 6] ?? false;
          const candidates = [
            ...picks.map(([l, v]) => near(paths[l % paths.length], v)),
            'api/v2/OpenAPI.yaml',
            'proto/a/b.proto',
            'db/migrations/001.sql',
          ];
          for (const p of candidates)
            if (bound(locks, cfg, p, literal, me))
              expect(mayBind(index, p, me), `${p} by ${me} under ${JSON.stringify(locks)}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("passes over only the agent's own locks that never expire", () => {
    const locks = [lock('src/mine/'), { ...lock('src/leased.js'), expires: '2027-01-01T00:00Z' }, lock('src/*.ts')];
    const index = buildEditIndex('key', config(), locks, '.orchrc.json')!;
    expect(mayBind(index, 'src/mine/a.js', 'backend-architect')).toBe(false);
    expect(mayBind(index, 'src/app.ts', 'backend-architect')).toBe(false);
    expect(mayBind(index, 'src/leased.js', 'backend-architect')).toBe(true);
    expect(mayBind(index, 'src/mine/a.js', 'qa-engineer')).toBe(true);
    expect(mayBind(index, 'src/app.ts', 'qa-engineer')).toBe(true);
    const withTtl = buildEditIndex(
      'key',
      config({ locks: { ttl: '8h' } }),
      [{ ...lock('src/mine/'), since: '2026-11-01T00:00Z' }],
      '.orchrc.json',
    )!;
    expect(mayBind(withTtl, 'src/mine/a.js', 'backend-architect')).toBe(true);
  });

  it('finds nothing for a path no lock, contract or configuration file covers', () => {
    const locks = [
      lock('src/app.js'),
      lock('src/mod-23/lib/*.ts'),
      lock('packages/ui-3/**/*.tsx'),
      lock('services/svc-4/src/handlers/'),
      lock('app/(shop)/[id]/page.tsx'),
    ];
    const index = buildEditIndex(
      'key',
      config({ contracts: [{ name: 'api', paths: ['**/openapi.yaml'], owners: ['backend-architect'] }] }),
      locks,
      '.orchrc.json',
    )!;
    for (const free of [
      'src/other.js',
      'src/mod-23/lib/x.js',
      'packages/ui-3/a/b.ts',
      'services/svc-4/src/x.ts',
      'README.md',
    ])
      expect(mayBind(index, free, 'qa-engineer'), free).toBe(false);
    for (const held of [
      'SRC/App.js',
      'src/mod-23/lib/a.ts',
      'packages/ui-3/a/b/c.tsx',
      'services/svc-4/src/handlers/x.ts',
      'app/(shop)/[id]/page.tsx',
      'docs/openapi.yaml',
      '.orchrc.json',
      'package.json',
      '.orchrc.yml',
      'WORK_STATUS.md',
    ])
      expect(mayBind(index, held, 'qa-engineer'), held).toBe(true);
  });

  it('is not built where it could not answer for the configuration: autoLock, remote locks, a lock on everything, a negated glob', () => {
    expect(buildEditIndex('key', config({ locks: { autoLock: true } }), [], '.orchrc.json')).toBeNull();
    expect(buildEditIndex('key', config(), [lock('**')], '.orchrc.json')).toBeNull();
    expect(buildEditIndex('key', config(), [lock('!src/app.js')], '.orchrc.json')).toBeNull();
    expect(
      buildEditIndex(
        'key',
        config({ contracts: [{ name: 'x', paths: ['!docs/**'], owners: ['backend-architect'] }] }),
        [],
        '.orchrc.json',
      ),
    ).toBeNull();
  });
});
