import { describe, expect, it } from 'vitest';
import { OrchError } from '../../../src/errors.js';
import { pickFormat } from '../../../src/report/pickFormat.js';

function thrown(fn: () => unknown): OrchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OrchError) return e;
    throw e;
  }
  throw new Error('expected an OrchError');
}

describe('pickFormat', () => {
  it('defaults to human', () => {
    expect(pickFormat({ env: {} })).toBe('human');
    expect(pickFormat({ env: { ORCH_FORMAT: '' } })).toBe('human');
  });

  it('reads ORCH_FORMAT, and the flag wins over it', () => {
    expect(pickFormat({ env: { ORCH_FORMAT: 'sarif' } })).toBe('sarif');
    expect(pickFormat({ flag: 'json', env: { ORCH_FORMAT: 'sarif' } })).toBe('json');
    expect(pickFormat({ flag: 'github', env: {} })).toBe('github');
    expect(pickFormat({ flag: ' JSON ', env: {} })).toBe('json');
  });

  it('rejects an unknown flag value with exit 2, naming the source and the valid formats', () => {
    const e = thrown(() => pickFormat({ flag: 'xml', env: { ORCH_FORMAT: 'json' } }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('--format');
    expect(e.message).toContain('"xml"');
    expect(e.message).toContain('human, json, github, sarif');
  });

  it('rejects an unknown ORCH_FORMAT, and an empty --format', () => {
    const e = thrown(() => pickFormat({ env: { ORCH_FORMAT: 'junit' } }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('ORCH_FORMAT');
    expect(e.message).toContain('human, json, github, sarif');
    expect(thrown(() => pickFormat({ flag: '', env: {} })).exitCode).toBe(2);
  });
});
