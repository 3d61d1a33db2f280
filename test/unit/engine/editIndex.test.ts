// The edit index answers "nothing can bind this path" for the pre-tool check without the
// rules: it must never say so for a path a lock or a contract covers (README: "Speed"),
// whatever the lock's shape, case, glob or literal reading — and it must say so for paths
// nothing covers, or the fast answer would never be given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { mayBind } from '../../../src/engine/editIndex.js';
import { buildEditIndex } from '../../../src/engine/writeEditIndex.js';
import { buildLockIndex } from '../../../src/locks/lockIndex.js';
import { contractMatcher } from '../../../src/match/contractMatcher.js';
import type { Lock } from '../../../src/types.js';
import { lockablePath } from '../../helpers/pathArbitraries.js';

const config = (input: ConfigInput = {}) => configSchema.parse(input);
const lock = (path: string, agent = 'backend-architect'): Lock => ({ path, agent, line: 10 });

/** Whether the rules' own matching finds a lock or a contract for `p`, in any of the ways it can be asked. */
function bound(locks: Lock[], contracts: ConfigInput['contracts'], p: string, literal: (q: string) => boolean) {
  for (const ignoreCase of [true, false])
    for (const existsLiterally of [literal, () => false, () => true])
      if (buildLockIndex(locks, { ignoreCase, existsLiterally }).match(p).length) return true;
  const groups = config({ contracts }).contracts;
  return contractMatcher(groups, { ignoreCase: true })(p).length > 0;
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
    fc.assert(
      fc.property(
        fc.array(lockablePath, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (paths, picks, literalFlags) => {
          const locks = paths.map((p, i) => lock(p, i % 2 ? 'qa-engineer' : 'backend-architect'));
          const index = buildEditIndex('key', config({ contracts }), locks, '.orchrc.json');
          // a lock on everything gets no index: every edit takes the quick check
          if (!index) return;
          const literal = (q: string) => literalFlags[paths.findIndex((p) => p.replace(/\/+$/, '') === q) % 6] ?? false;
          const candidates = [
            ...picks.map(([l, v]) => near(paths[l % paths.length], v)),
            'api/v2/OpenAPI.yaml',
            'proto/a/b.proto',
            'db/migrations/001.sql',
          ];
          for (const p of candidates)
            if (bound(locks, contracts, p, literal))
              expect(mayBind(index, p), `${p} under ${paths.join(', ')}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
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
      expect(mayBind(index, free), free).toBe(false);
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
      expect(mayBind(index, held), held).toBe(true);
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
