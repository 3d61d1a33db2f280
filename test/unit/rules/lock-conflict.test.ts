import { describe, expect, it } from 'vitest';
import { UNKNOWN_HOLDER } from '../../../src/identity/sameAgent.js';
import { rule } from '../../../src/rules/lock-conflict.js';
import type { FileChange, Lock } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput, type RuleInputSpec } from '../../helpers/makeRuleInput.js';

const now = new Date('2026-11-26T12:00:00Z');
const check = (files: FileChange[], locks: Partial<Lock>[], spec: Partial<RuleInputSpec> = {}) =>
  rule.check(makeRuleInput({ changes: makeChangeSet({ files }), locks, now, ...spec }));

describe('lock-conflict', () => {
  it("reports a change to another agent's locked file, naming the path, the holder, the task and the fix", async () => {
    const findings = await check(
      [{ status: 'M', path: 'src/orders.ts' }],
      [{ path: 'src/orders.ts', agent: 'frontend-specialist', task: 'T-12', since: '2026-11-26T09:00Z' }],
    );
    expect(findings).toEqual([
      {
        rule: 'lock-conflict',
        path: 'src/orders.ts',
        holder: 'frontend-specialist',
        message:
          'src/orders.ts is locked by frontend-specialist (task T-12, since 2026-11-26T09:00Z). Wait for frontend-specialist to release it, ask them, or take it over with a reason.',
        fix: 'Wait for frontend-specialist to release it, or ask them; only if a person approved taking it over: orch unlock src/orders.ts --steal --reason "<who approved, and why>"',
      },
    ]);
    expect(rule.defaultSeverity('pre-commit')).toBe('error');
  });

  it('lets the holder change its own locked files (names compare without case or a leading @)', async () => {
    const locks = [{ path: 'src/orders.ts', agent: '@Backend-Architect' }];
    expect(await check([{ status: 'M', path: 'src/orders.ts' }], locks)).toEqual([]);
    expect(await check([{ status: 'M', path: 'src/other.ts' }], [{ path: 'src/orders.ts', agent: 'qa' }])).toEqual([]);
  });

  it('offers a person the steal command, and tells an agent to leave out a contract it does not own', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'api/openapi.yaml' }];
    const locks = [{ path: 'api/openapi.yaml', agent: 'qa' }];
    const [byPerson] = await check(files, locks, { agent: 'dev@acme.test', person: true });
    expect(byPerson.fix).toBe('orch unlock api/openapi.yaml --steal --reason "<why>"');
    const contracts = [{ name: 'api', paths: ['api/**'], owners: ['backend-architect'] }];
    const [byAgent] = await check(files, locks, { agent: 'frontend-specialist', config: { contracts } });
    expect(byAgent.fix).toBe(
      'Leave api/openapi.yaml out of this change and ask backend-architect (the owner) to make it; taking the lock over would not unblock it.',
    );
    // a person's finding is still an error: only the advice differs
    expect(byPerson).not.toHaveProperty('severity');
  });

  it('only warns under an expired lock, by its Expires time or by locks.ttl since it was taken', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'src/a.ts' }];
    const [byExpiry] = await check(files, [{ path: 'src/a.ts', agent: 'qa', expires: '2026-11-26T11:00Z' }]);
    expect(byExpiry).toMatchObject({ severity: 'warning', holder: 'qa' });
    expect(byExpiry.message).toBe(
      'src/a.ts is under an expired lock of qa (until 2026-11-26T11:00Z). Ask qa to release it.',
    );
    const byTtl = await check(files, [{ path: 'src/a.ts', agent: 'qa', since: '2026-11-26T01:00Z' }], {
      config: { locks: { ttl: '8h' } },
    });
    expect(byTtl[0]).toMatchObject({ severity: 'warning' });
    expect(byTtl[0].message).toContain('until 2026-11-26T09:00Z (ttl)');
    // not yet expired: still an error
    const [live] = await check(files, [{ path: 'src/a.ts', agent: 'qa', expires: '2026-11-27' }]);
    expect(live).not.toHaveProperty('severity');
  });

  it('covers everything under a directory lock and whatever a glob lock matches, saying which lock covers it', async () => {
    const [dir] = await check(
      [{ status: 'A', path: 'services/orders/main.go' }],
      [{ path: 'services/orders/', agent: 'qa' }],
    );
    expect(dir.message).toContain('services/orders/main.go is locked by qa (covered by the lock on services/orders/)');
    const glob = await check(
      [
        { status: 'M', path: 'api/v1/orders.yaml' },
        { status: 'M', path: 'api/v1/orders.json' },
      ],
      [{ path: 'api/**/*.yaml', agent: 'qa' }],
    );
    expect(glob.map((f) => f.path)).toEqual(['api/v1/orders.yaml']);
    expect(glob[0].fix).toContain("orch unlock 'api/**/*.yaml' --steal");
  });

  it('reads a glob-looking lock as the literal path when that path exists as written', async () => {
    const locks = [{ path: 'app/[id]/page.tsx', agent: 'qa' }];
    const files: FileChange[] = [{ status: 'M', path: 'app/d/page.tsx' }];
    expect(await check(files, locks)).toHaveLength(1);
    const literal = { existsLiterally: (p: string) => p === 'app/[id]/page.tsx' };
    const input = { ...makeRuleInput({ changes: makeChangeSet({ files }), locks, now }), ...literal };
    expect(await rule.check(input)).toEqual([]);
    const exact = makeRuleInput({
      changes: makeChangeSet({ files: [{ status: 'M', path: 'app/[id]/page.tsx' }] }),
      locks,
      now,
    });
    expect(await rule.check({ ...exact, ...literal })).toHaveLength(1);
  });

  it('judges a case twin of a locked path as that path, even on a case-sensitive checkout', async () => {
    const findings = await check([{ status: 'A', path: 'src/App.js' }], [{ path: 'src/app.js', agent: 'qa' }], {
      ignoreCase: false,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('src/App.js is locked by qa (covered by the lock on src/app.js)');
  });

  it('checks the source of a rename and of a copy', async () => {
    const locks = [{ path: 'src/locked.ts', agent: 'qa' }];
    const [renamed] = await check([{ status: 'R', path: 'src/new.ts', oldPath: 'src/locked.ts' }], locks);
    expect(renamed).toMatchObject({ path: 'src/locked.ts', holder: 'qa' });
    expect(renamed.message).toMatch(/^src\/locked\.ts \(rename source\) is locked by qa/);
    const [copied] = await check([{ status: 'C', path: 'src/copy.ts', oldPath: 'src/locked.ts' }], locks);
    expect(copied.message).toMatch(/^src\/locked\.ts \(copy source\) is locked by qa/);
  });

  it('blocks everyone under a lock whose holder cannot be read, whatever name the committer gives', async () => {
    const locks = [{ path: 'src/a.ts', agent: UNKNOWN_HOLDER }];
    const files: FileChange[] = [{ status: 'M', path: 'src/a.ts' }];
    for (const agent of ['backend-architect', UNKNOWN_HOLDER]) {
      const [f] = await check(files, locks, { agent });
      expect(f).toMatchObject({ path: 'src/a.ts', holder: UNKNOWN_HOLDER });
    }
    expect(await check(files, locks, { agent: null })).toHaveLength(1);
  });

  it('never applies to the status file itself', async () => {
    const locks = [{ path: '**', agent: 'qa' }];
    expect(await check([{ status: 'M', path: 'WORK_STATUS.md' }], locks)).toEqual([]);
    expect(await check([{ status: 'M', path: 'README.md' }], locks)).toHaveLength(1);
  });
});
