import { describe, expect, it } from 'vitest';
import { defaultContracts } from '../../../src/config/defaultContracts.js';
import { rule } from '../../../src/rules/contract-proof.js';
import type { FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const contracts = defaultContracts();
const check = (files: FileChange[], extra: Partial<Parameters<typeof makeRuleInput>[0]> & { branch?: string } = {}) => {
  const { branch, ...spec } = extra;
  const input = makeRuleInput({ changes: makeChangeSet({ files }), config: { contracts }, ...spec });
  return rule.check({ ...input, ...(branch ? { branch, defaultBranch: 'main' } : {}) }) as Promise<
    { severity?: string; path: string | null }[]
  >;
};

describe('contract-proof', () => {
  it('a schema migration needs a migration test; a test of the API group is proof for its own group only', async () => {
    expect(await check([{ status: 'A', path: 'db/migrate/20260101_add_orders.rb' }])).toHaveLength(1);
    expect(
      await check([
        { status: 'A', path: 'db/migrate/20260101_add_orders.rb' },
        { status: 'A', path: 'spec/migrations/add_orders_spec.rb' },
      ]),
    ).toEqual([]);
    expect(
      await check([
        { status: 'M', path: 'prisma/schema.prisma' },
        { status: 'A', path: 'test/orders_migration_test.ts' },
      ]),
    ).toEqual([]);
    const two = await check([
      { status: 'M', path: 'api/openapi.yaml' },
      { status: 'M', path: 'prisma/schema.prisma' },
    ]);
    expect(two.map((f) => f.path)).toEqual(['api/openapi.yaml', 'prisma/schema.prisma']);
  });

  it('warns at pre-commit and in orch check; over a range an error on review.branches, a warning elsewhere', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'proto/orders.proto' }];
    expect((await check(files, { context: 'pre-commit' }))[0].severity).toBe('warning');
    expect((await check(files, { context: 'check' }))[0].severity).toBe('warning');
    expect((await check(files, { context: 'pre-push', branch: 'main' }))[0].severity).toBeUndefined(); // the rule's level: error
    expect((await check(files, { context: 'ci', branch: 'release/2.0' }))[0].severity).toBeUndefined();
    expect((await check(files, { context: 'pre-receive', branch: 'feature/x' }))[0].severity).toBe('warning');
    expect(rule.defaultSeverity('pre-push')).toBe('error');
  });

  it('deletes, renames away and submodules need no proof; a contract file under tests/ is not its own proof', async () => {
    expect(await check([{ status: 'D', path: 'api/openapi.yaml' }])).toEqual([]);
    expect(await check([{ status: 'R', path: 'docs/old-openapi.txt', oldPath: 'api/openapi.yaml' }])).toEqual([]);
    expect(await check([{ status: 'M', path: 'vendor/api.proto', submodule: true }])).toEqual([]);
    expect(await check([{ status: 'A', path: 'tests/fixtures/orders.proto' }])).toHaveLength(1);
  });

  it('matches case-insensitively on a case-insensitive checkout', async () => {
    expect(await check([{ status: 'M', path: 'API/OpenAPI.yaml' }], { ignoreCase: true })).toHaveLength(1);
    expect(
      await check(
        [
          { status: 'M', path: 'API/OpenAPI.yaml' },
          { status: 'M', path: 'Tests/Orders.Test.ts' },
        ],
        { ignoreCase: true },
      ),
    ).toEqual([]);
  });
});
