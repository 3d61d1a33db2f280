import { describe, expect, it } from 'vitest';
import { UNKNOWN_HOLDER } from '../../../src/identity/sameAgent.js';
import { rule } from '../../../src/rules/lock-required.js';
import type { FileChange, Lock } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput, type RuleInputSpec } from '../../helpers/makeRuleInput.js';

const now = new Date('2026-11-26T12:00:00Z');
const required = (globs: string[]) => ({ locks: { required: globs } });
const check = (files: FileChange[], locks: Partial<Lock>[], spec: Partial<RuleInputSpec> = {}) =>
  rule.check(makeRuleInput({ changes: makeChangeSet({ files }), locks, now, config: required(['src/**']), ...spec }));

describe('lock-required', () => {
  it('reports a required path the committer has not locked, naming the committer and the lock command', async () => {
    expect(await check([{ status: 'M', path: 'src/orders.ts' }], [])).toEqual([
      {
        rule: 'lock-required',
        path: 'src/orders.ts',
        message: 'src/orders.ts must be locked by backend-architect before it is changed (locks.required).',
        fix: 'orch lock src/orders.ts --task <id>',
      },
    ]);
    const [quoted] = await check([{ status: 'A', path: 'src/my file.ts' }], []);
    expect(quoted.fix).toBe("orch lock 'src/my file.ts' --task <id>");
  });

  it("passes a path under the committer's own lock: exact, directory or glob", async () => {
    const files: FileChange[] = [{ status: 'M', path: 'src/api/orders.ts' }];
    for (const path of ['src/api/orders.ts', 'src/api/', 'src/**/*.ts']) {
      expect(await check(files, [{ path, agent: 'backend-architect' }])).toEqual([]);
    }
  });

  it('is off without locks.required, and asks nothing of paths outside it', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'src/orders.ts' }];
    expect(await check(files, [], { config: {} })).toEqual([]);
    expect(await check([{ status: 'M', path: 'docs/readme.md' }], [])).toEqual([]);
  });

  it("is not satisfied by another agent's lock, nor by a lock whose holder cannot be read", async () => {
    const files: FileChange[] = [{ status: 'M', path: 'src/orders.ts' }];
    expect(await check(files, [{ path: 'src/orders.ts', agent: 'qa' }])).toHaveLength(1);
    expect(await check(files, [{ path: 'src/orders.ts', agent: UNKNOWN_HOLDER }])).toHaveLength(1);
    expect(
      await check(files, [{ path: 'src/orders.ts', agent: UNKNOWN_HOLDER }], { agent: UNKNOWN_HOLDER }),
    ).toHaveLength(1);
  });

  it('does not count an own lock that has expired', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'src/orders.ts' }];
    const expired = { path: 'src/orders.ts', agent: 'backend-architect', expires: '2026-11-26T11:00Z' };
    expect(await check(files, [expired])).toHaveLength(1);
    // a lock with no expiry never expires, unless locks.ttl has passed since it was taken
    const byTtl = { path: 'src/orders.ts', agent: 'backend-architect', since: '2026-11-26T01:00Z' };
    expect(await check(files, [byTtl])).toEqual([]);
    expect(await check(files, [byTtl], { config: { locks: { required: ['src/**'], ttl: '8h' } } })).toHaveLength(1);
  });

  it('names "the committer" when no identity is known, and asks a person as it asks an agent', async () => {
    const [f] = await check([{ status: 'M', path: 'src/orders.ts' }], [], { agent: null });
    expect(f.message).toBe('src/orders.ts must be locked by the committer before it is changed (locks.required).');
    const [p] = await check([{ status: 'M', path: 'src/orders.ts' }], [], { agent: 'dev@acme.test', person: true });
    expect(p).not.toHaveProperty('severity');
    expect(p.message).toContain('locked by dev@acme.test');
  });

  it('never requires the status file, the index or the log archive, even under "**"', async () => {
    const files: FileChange[] = [
      { status: 'M', path: 'WORK_STATUS.md' },
      { status: 'M', path: 'orchestration-index.md' },
      { status: 'M', path: 'WORK_STATUS.archive.md' },
      { status: 'M', path: 'README.md' },
    ];
    const findings = await check(files, [], { config: required(['**']) });
    expect(findings.map((f) => f.path)).toEqual(['README.md']);
  });

  it('checks the source of a rename too', async () => {
    const findings = await check([{ status: 'R', path: 'lib/orders.ts', oldPath: 'src/orders.ts' }], []);
    expect(findings.map((f) => f.path)).toEqual(['src/orders.ts']);
  });

  it('matches case-insensitively on a case-insensitive checkout only', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'SRC/Orders.ts' }];
    const lock = [{ path: 'src/orders.ts', agent: 'backend-architect' }];
    expect(await check(files, [], { ignoreCase: false })).toEqual([]);
    expect(await check(files, [], { ignoreCase: true })).toHaveLength(1);
    expect(await check(files, lock, { ignoreCase: true })).toEqual([]);
  });
});
