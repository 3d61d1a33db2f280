import { describe, it, expect } from 'vitest';
import { rule } from '../../../src/rules/contract-owner.js';
import { defaultContracts } from '../../../src/config/defaultContracts.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput, type RuleInputSpec } from '../../helpers/makeRuleInput.js';
import type { FileChange } from '../../../src/types.js';

const contracts = defaultContracts();
const modify = (path: string): FileChange => ({ status: 'M', path });
const T12 = {
  path: 'api/openapi.yaml',
  agent: 'backend-architect',
  task: 'T-12',
  since: '2026-11-26T09:00Z',
  expires: '2026-11-26T17:00Z',
};

function run(
  files: FileChange[],
  spec: Omit<RuleInputSpec, 'changes'> = {},
  contents: { old?: Record<string, string>; new?: Record<string, string> } = {},
) {
  return rule.check(
    makeRuleInput({
      changes: makeChangeSet({ files, ...contents }),
      config: { contracts, ...spec.config },
      ...spec,
    }),
  );
}

describe('contract-owner: contracts', () => {
  it('blocks a non-owner changing api/openapi.yaml and names the owner and the group', async () => {
    const findings = await run([modify('api/openapi.yaml')], { agent: 'frontend-dev' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'contract-owner',
      path: 'api/openapi.yaml',
      holder: 'backend-architect',
    });
    expect(findings[0].severity).toBeUndefined();
    expect(rule.defaultSeverity('pre-commit')).toBe('error');
    expect(findings[0].message).toContain('backend-architect');
    expect(findings[0].message).toContain('"contract"');
    expect(findings[0].message).toContain('frontend-dev');
    expect(findings[0].fix).toContain('ask backend-architect');
  });

  it('blocks the owner without a lock when requireLock is on, with the exact lock command', async () => {
    const findings = await run([modify('api/openapi.yaml')], { agent: 'backend-architect' });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('lock');
    expect(findings[0].fix).toBe('orch lock api/openapi.yaml --task <id>');
  });

  it('suggests the task of the owner’s other lock when there is exactly one', async () => {
    const findings = await run([modify('api/openapi.yaml')], {
      locks: [{ ...T12, path: 'api/README.md' }],
    });
    expect(findings[0].fix).toBe('orch lock api/openapi.yaml --task T-12');
  });

  it('passes the owner holding a lock on the path', async () => {
    expect(await run([modify('api/openapi.yaml')], { locks: [T12] })).toEqual([]);
  });

  it('passes the owner when requireLock is off', async () => {
    const config = { contracts: [{ name: 'api', paths: ['**/openapi.yaml'], owners: ['backend-architect'] }] };
    expect(await run([modify('api/openapi.yaml')], { config })).toEqual([]);
  });

  it('accepts a directory lock and a glob lock as covering the path', async () => {
    expect(await run([modify('api/openapi.yaml')], { locks: [{ ...T12, path: 'api/' }] })).toEqual([]);
    expect(await run([modify('api/openapi.yaml')], { locks: [{ ...T12, path: 'api/*.yaml' }] })).toEqual([]);
    expect(await run([modify('api/openapi.yaml')], { locks: [{ ...T12, path: 'api/openapi.yml' }] })).toHaveLength(1);
  });

  it('does not count an expired lock or another agent’s lock', async () => {
    const expired = await run([modify('api/openapi.yaml')], { locks: [{ ...T12, expires: '2026-11-26T11:00Z' }] });
    expect(expired).toHaveLength(1);
    expect(expired[0].fix).toContain('orch lock api/openapi.yaml');
    const foreign = await run([modify('api/openapi.yaml')], { locks: [{ ...T12, agent: 'frontend-dev' }] });
    expect(foreign).toHaveLength(1);
  });

  it('compares owner names case-insensitively and ignores a leading @', async () => {
    const config = {
      contracts: [{ name: 'api', paths: ['**/openapi.yaml'], owners: ['@Backend-Architect'], requireLock: true }],
    };
    expect(
      await run([modify('api/openapi.yaml')], {
        config,
        agent: 'backend-ARCHITECT',
        locks: [{ ...T12, agent: 'BACKEND-architect' }],
      }),
    ).toEqual([]);
  });

  it('names every owner of a group with several', async () => {
    const config = { contracts: [{ name: 'db', paths: ['db/**'], owners: ['database-architect', 'dba'] }] };
    const [f] = await run([modify('db/schema.rb')], { config, agent: 'frontend-dev' });
    expect(f.message).toContain('database-architect or dba');
  });

  it('treats a rename out of a contract path as a change to the contract', async () => {
    const findings = await run([{ status: 'R', path: 'docs/old-openapi.yaml.bak', oldPath: 'api/openapi.yaml' }], {
      agent: 'frontend-dev',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('api/openapi.yaml');
    expect(findings[0].message).toContain('renamed to docs/old-openapi.yaml.bak');
  });

  it('checks an added migration and a deleted one against the schema group', async () => {
    const findings = await run(
      [
        { status: 'A', path: 'db/migrate/20261126_create_orders.rb' },
        { status: 'D', path: 'prisma/schema.prisma' },
      ],
      { agent: 'backend-architect' },
    );
    expect(findings.map((f) => f.path)).toEqual(['db/migrate/20261126_create_orders.rb', 'prisma/schema.prisma']);
    expect(findings.every((f) => f.holder === 'database-architect')).toBe(true);
  });

  it('ignores paths outside every contract group', async () => {
    expect(
      await run([modify('docs/openapi-notes.md'), modify('src/migrations.ts')], { agent: 'frontend-dev' }),
    ).toEqual([]);
  });

  it('matches paths case-insensitively, whatever core.ignorecase says (case twins)', async () => {
    expect(await run([modify('API/OpenAPI.yaml')], { agent: 'frontend-dev' })).toHaveLength(1);
    expect(await run([modify('API/OpenAPI.yaml')], { agent: 'frontend-dev', ignoreCase: true })).toHaveLength(1);
  });

  it('treats an unknown committer as a non-owner', async () => {
    const [f] = await run([modify('api/openapi.yaml')], { agent: null });
    expect(f.message).toContain('unknown committer');
  });

  it('quotes a path the shell would split in the lock command', async () => {
    const config = {
      contracts: [{ name: 'routes', paths: ['app/**'], owners: ['backend-architect'], requireLock: true }],
    };
    const [f] = await run([modify('app/(shop)/[id]/schema.graphql')], { config });
    expect(f.fix).toBe("orch lock 'app/(shop)/[id]/schema.graphql' --task <id>");
  });
});

describe('contract-owner: the orch configuration', () => {
  it('blocks an agent changing .orchrc.json when configOwners is empty: people only', async () => {
    const [f, ...rest] = await run([modify('.orchrc.json')], { agent: 'backend-architect' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'contract-owner', path: '.orchrc.json' });
    expect(f.message).toContain('only people may change it');
  });

  it('lets a person change .orchrc.json when configOwners is empty', async () => {
    expect(await run([modify('.orchrc.json')], { agent: 'dev@acme.test', person: true })).toEqual([]);
  });

  it('lets people and the listed configOwners change it when configOwners is set', async () => {
    const config = { contracts, configOwners: ['@Lead-Agent'] };
    expect(await run([modify('.orchrc.json')], { config, agent: 'lead-agent' })).toEqual([]);
    const [agent] = await run([modify('.orchrc.json')], { config, agent: 'backend-architect' });
    expect(agent.message).toContain('only people and @Lead-Agent (configOwners)');
    expect(await run([modify('.orchrc.json')], { config, agent: 'dev@acme.test', person: true })).toEqual([]);
  });

  it.each(['.orchrc', '.orchrc.yaml', '.orchrc.yml', 'orch.config.js', 'orch.config.mjs'])(
    'protects %s whether added, changed or deleted',
    async (path) => {
      for (const status of ['A', 'M', 'D'] as const) {
        expect(await run([{ status, path }], { agent: 'frontend-dev' })).toHaveLength(1);
      }
    },
  );

  it('protects the loaded config file wherever it is, and a rename of the config away', async () => {
    expect(
      await run([modify('tools/orch.json')], { agent: 'frontend-dev', configFile: 'tools/orch.json' }),
    ).toHaveLength(1);
    expect(await run([modify('tools/orch.json')], { agent: 'frontend-dev' })).toEqual([]);
    const [f] = await run([{ status: 'R', path: 'old.orchrc.json', oldPath: '.orchrc.json' }], {
      agent: 'frontend-dev',
    });
    expect(f.path).toBe('.orchrc.json');
  });

  it('does not protect look-alikes in subdirectories', async () => {
    expect(await run([modify('packages/web/.orchrc.json')], { agent: 'frontend-dev' })).toEqual([]);
  });

  describe('package.json', () => {
    const pkg = (orch: unknown, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ name: 'app', ...extra, ...(orch === undefined ? {} : { orch }) }, null, 2);

    it('blocks an agent changing the orch key', async () => {
      const findings = await run(
        [modify('package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'package.json': pkg({ rules: { 'lock-conflict': 'error' } }) },
          new: { 'package.json': pkg({ rules: { 'lock-conflict': 'off' } }) },
        },
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('the "orch" key of package.json');
    });

    it('blocks an agent adding or removing the orch key', async () => {
      const added = await run(
        [modify('package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'package.json': pkg(undefined) },
          new: { 'package.json': pkg({ rules: {} }) },
        },
      );
      expect(added).toHaveLength(1);
      const removed = await run(
        [modify('package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'package.json': pkg({ rules: {} }) },
          new: { 'package.json': pkg(undefined) },
        },
      );
      expect(removed).toHaveLength(1);
    });

    it('passes other edits of package.json, including reformatting the orch key', async () => {
      const orch = { statusFile: 'WORK_STATUS.md', rules: { 'no-placeholder': 'warn' } };
      const findings = await run(
        [modify('package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'package.json': pkg(orch) },
          new: {
            'package.json': JSON.stringify({
              orch: { rules: { 'no-placeholder': 'warn' }, statusFile: 'WORK_STATUS.md' },
              name: 'app',
              version: '2.0.0',
            }),
          },
        },
      );
      expect(findings).toEqual([]);
    });

    it('counts a package.json that is no longer valid JSON as a change when it has an orch key', async () => {
      const findings = await run(
        [modify('package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'package.json': pkg({ rules: {} }) },
          new: { 'package.json': '{ "orch": { "rules": {} }, ' },
        },
      );
      expect(findings).toHaveLength(1);
    });

    it('ignores package.json of a sub-package', async () => {
      const findings = await run(
        [modify('packages/web/package.json')],
        { agent: 'frontend-dev' },
        {
          old: { 'packages/web/package.json': pkg({}) },
          new: { 'packages/web/package.json': pkg({ rules: {} }) },
        },
      );
      expect(findings).toEqual([]);
    });
  });
});

describe('contract-owner: docs', () => {
  it('documents what it checks, how to fix and its config keys', () => {
    for (const word of ['requireLock', 'configOwners', 'contracts', 'orch lock', 'rename'])
      expect(rule.docs).toContain(word);
  });
});
