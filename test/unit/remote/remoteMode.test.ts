import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { agentEmail } from '../../../src/identity/agentEmail.js';
import { BACKOFF_CAP_MS, backoffDelay } from '../../../src/remote/backoffDelay.js';
import { lockBranchTarget } from '../../../src/remote/lockBranchTarget.js';
import { formatAge } from '../../../src/remote/lockBranchAge.js';
import { withLockBranch } from '../../../src/remote/remoteLocks.js';
import type { StatusDoc } from '../../../src/types.js';

describe('lockBranchTarget', () => {
  it('is off without locks.remote and names the remote-tracking copy with it', () => {
    expect(lockBranchTarget(configSchema.parse({}))).toBeNull();
    expect(lockBranchTarget(configSchema.parse({ locks: { remote: 'origin' } }))).toEqual({
      remote: 'origin',
      branch: 'orch/locks',
      tracking: 'refs/remotes/origin/orch/locks',
      label: 'origin/orch/locks',
    });
    expect(
      lockBranchTarget(configSchema.parse({ locks: { remote: 'upstream', branch: 'refs/heads/team/locks' } }))
        ?.tracking,
    ).toBe('refs/remotes/upstream/team/locks');
  });

  it('refuses names git would read as options or ranges, naming the key', () => {
    expect(() => lockBranchTarget(configSchema.parse({ locks: { remote: '--upload-pack=x' } }))).toThrow(
      /locks\.remote/,
    );
    expect(() => lockBranchTarget(configSchema.parse({ locks: { remote: 'origin', branch: 'a..b' } }))).toThrow(
      /locks\.branch/,
    );
  });
});

describe('agentEmail', () => {
  it('uses the agents table when it lists an email, else an address that is nobody', () => {
    const config = configSchema.parse({ agents: { 'backend-architect': { emails: ['backend@example.org'] } } });
    expect(agentEmail('Backend-Architect', config)).toBe('backend@example.org');
    expect(agentEmail('frontend specialist', config)).toBe('frontend-specialist@orch.invalid');
  });
});

describe('backoffDelay', () => {
  const low = () => 0;
  const high = () => 0.999999;
  it('grows with each attempt, stays under the cap and is never zero', () => {
    expect(backoffDelay(0, high)).toBeLessThan(backoffDelay(3, high));
    expect(backoffDelay(20, high)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelay(0, low)).toBeGreaterThan(0);
  });
  it('waits in units of the measured push cycle, so a slow remote is not hammered', () => {
    expect(backoffDelay(0, high, 800)).toBe(800);
    expect(backoffDelay(2, high, 800)).toBe(3200);
    // at most eight cycles, however many races were lost
    expect(backoffDelay(10, high, 800)).toBe(6400);
    expect(backoffDelay(10, high, 10)).toBe(BACKOFF_CAP_MS);
  });
});

describe('withLockBranch', () => {
  it('adds the shared locks to the local ones, each lock once', () => {
    const local: StatusDoc = { locks: [{ path: 'a', agent: 'x', line: 3 }], reviews: [], problems: [], steals: [] };
    const shared: StatusDoc = {
      locks: [
        { path: 'a', agent: 'X', line: 9 },
        { path: 'b', agent: 'y', line: 10 },
      ],
      reviews: [],
      problems: [],
      steals: [],
    };
    expect(withLockBranch(local, shared).locks.map((l) => `${l.path}:${l.agent}`)).toEqual(['a:x', 'b:y']);
    expect(withLockBranch(local, null)).toBe(local);
  });
});

describe('formatAge', () => {
  it('says minutes, hours or days', () => {
    expect(formatAge(5 * 60_000)).toBe('5 min');
    expect(formatAge(3 * 3_600_000)).toBe('3 h');
    expect(formatAge(72 * 3_600_000)).toBe('3 days');
  });
});
