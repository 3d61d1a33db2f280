import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/report/exitCodeFor.js';
import type { Finding } from '../../../src/types.js';

const f = (severity: Finding['severity']): Finding => ({ rule: 'lock-conflict', severity, path: 'a', message: 'm' });
const r = (findings: Finding[]) => ({ ok: true, context: 'pre-commit' as const, agent: null, findings });

describe('exitCodeFor', () => {
  it('is 0 when clean or only warnings, 1 as soon as one finding is an error', () => {
    expect(exitCodeFor(r([]))).toBe(0);
    expect(exitCodeFor(r([f('warning'), f('warning')]))).toBe(0);
    expect(exitCodeFor(r([f('warning'), f('error')]))).toBe(1);
  });
});
