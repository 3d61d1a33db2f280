import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { renewalOf } from '../../../src/agent/renewLease.js';
import type { Lock } from '../../../src/types.js';

const now = new Date('2026-12-04T12:00:00Z');
const lock = (l: Partial<Lock>): Lock => ({ path: 'src/a.ts', agent: 'qa', line: 5, ...l });
const config = (locks: Record<string, unknown> = {}) => configSchema.parse({ locks });

describe('renewalOf', () => {
  it('takes an expiring lock again for its length once renewEvery has passed', () => {
    expect(renewalOf(lock({ since: '2026-12-04T10:00Z', expires: '2026-12-04T12:30Z' }), config(), now)).toEqual({
      since: '2026-12-04T12:00Z',
      expires: '2026-12-04T14:30Z',
    });
  });
  it('does not renew before renewEvery, nor a lapsed lock, nor one that never expires, nor when off', () => {
    expect(renewalOf(lock({ since: '2026-12-04T11:55Z', expires: '2026-12-04T12:55Z' }), config(), now)).toBeNull();
    expect(renewalOf(lock({ since: '2026-12-04T08:00Z', expires: '2026-12-04T11:00Z' }), config(), now)).toBeNull();
    expect(renewalOf(lock({ since: '2026-12-04T08:00Z' }), config(), now)).toBeNull();
    expect(
      renewalOf(lock({ since: '2026-12-04T10:00Z', expires: '2026-12-04T12:30Z' }), config({ renewEvery: 'off' }), now),
    ).toBeNull();
  });
  it('with locks.ttl and no Expires cell, moves Since', () => {
    expect(renewalOf(lock({ since: '2026-12-04T10:00Z' }), config({ ttl: '8h', renewEvery: '30m' }), now)).toEqual({
      since: '2026-12-04T12:00Z',
      expires: undefined,
    });
    expect(renewalOf(lock({ since: '2026-12-04T11:45Z' }), config({ ttl: '8h', renewEvery: '30m' }), now)).toBeNull();
  });
});
