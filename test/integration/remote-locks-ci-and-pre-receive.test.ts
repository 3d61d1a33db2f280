import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { cloneOf, lockServer } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("a commit that changes a path locked on the lock branch is rejected by orch ci and by the server's pre-receive hook", () => {
  const { server } = lockServer({ preReceive: true });
  const holder = cloneOf(server, 'holder');
  const other = cloneOf(server, 'other');
  const lock = holder.orch(['lock', 'services/payments/api.ts', '--task', 'T-40'], {
    env: { ORCH_AGENT: 'payments-agent' },
  });
  expect(lock.code, lock.out).toBe(0);
  // the lock lives on the lock branch only: main's WORK_STATUS.md never had the row
  expect(server.ok(['show', 'main:WORK_STATUS.md'])).not.toContain('services/payments/api.ts');

  // the other clone has not fetched, and skips its own hooks
  other.write('services/payments/api.ts', 'export const fee = 0;\n');
  const bad = commitNoVerify(other, 'zero fees', 'growth-agent');

  const ci = orchCi(other, ['--base', 'origin/main', '--head', 'HEAD', '--format', 'json']);
  expect(ci.code, ci.out).toBe(1);
  const report = JSON.parse(ci.stdout);
  expect(report.findings).toEqual([
    expect.objectContaining({
      rule: 'lock-conflict',
      path: 'services/payments/api.ts',
      holder: 'payments-agent',
      commit: bad,
    }),
  ]);

  const push = other.git(['push', '--no-verify', 'origin', 'main']);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toMatch(/remote: .*lock-conflict/);
  expect(push.stderr).toContain('services/payments/api.ts is locked by payments-agent');
  expect(push.stderr).toContain(`(commit ${bad.slice(0, 7)} "zero fees" by growth-agent)`);
  expect(push.stderr).toContain('pre-receive hook declined');
  expect(server.ok(['rev-parse', 'main']).trim()).not.toBe(bad);

  // released on the lock branch, the same commit passes both gates
  const unlock = holder.orch(['unlock', 'services/payments/api.ts'], { env: { ORCH_AGENT: 'payments-agent' } });
  expect(unlock.code, unlock.out).toBe(0);
  const ci2 = orchCi(other, ['--base', 'origin/main', '--head', 'HEAD']);
  expect(ci2.code, ci2.out).toBe(0);
  const push2 = other.git(['push', '--no-verify', 'origin', 'main']);
  expect(push2.code, push2.out).toBe(0);
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(bad);
});
