import { describe, expect, it } from 'vitest';
import { resolveIdentity, sameAgent } from '../../../src/identity/resolveIdentity.js';

const config = { agents: { 'backend-architect': { emails: ['backend@example.org'], signingKeys: [] } } };

describe('resolveIdentity', () => {
  it('takes the first clue in the contract order', () => {
    expect(resolveIdentity({ flag: 'a', env: 'b', gitConfig: 'c', email: 'x@y' }, config)).toEqual({
      name: 'a',
      source: 'flag',
      isAgent: true,
    });
    expect(resolveIdentity({ env: 'b', gitConfig: 'c' }, config).source).toBe('env');
    expect(resolveIdentity({ gitConfig: 'c', trailer: 'd' }, config).source).toBe('git-config');
    expect(resolveIdentity({ trailer: 'd', email: 'backend@example.org' }, config).source).toBe('trailer');
  });
  it('maps an author email through the agents table, case-insensitively', () => {
    expect(resolveIdentity({ email: 'Backend@Example.org' }, config)).toEqual({
      name: 'backend-architect',
      source: 'email-map',
      isAgent: true,
    });
  });
  it('falls back to the person and their email', () => {
    expect(resolveIdentity({ email: 'dev@corp.test' }, config)).toEqual({
      name: 'dev@corp.test',
      source: 'git-email',
      isAgent: false,
    });
    expect(resolveIdentity({}, config)).toEqual({ name: null, source: 'none', isAgent: false });
  });
  it('strips a leading @ and ignores blank values', () => {
    expect(resolveIdentity({ flag: '  ', env: '@qa-bot' }, config).name).toBe('qa-bot');
  });
});

describe('sameAgent', () => {
  it('compares case-insensitively without a leading @', () => {
    expect(sameAgent('@Backend-Architect', 'backend-architect')).toBe(true);
    expect(sameAgent('backend', 'backend-architect')).toBe(false);
    expect(sameAgent(null, 'x')).toBe(false);
  });
});

describe('agent names that would break rows or trailers', () => {
  const refused = (clues: Parameters<typeof resolveIdentity>[0]) => {
    try {
      resolveIdentity(clues, config);
    } catch (e) {
      return e as { exitCode: number; message: string; hint?: string };
    }
    return null;
  };

  it('refuses a line break, "|", a control or an invisible character from every source, with exit 2', () => {
    for (const [clues, from] of [
      [{ flag: 'front\nend' }, '--agent'],
      [{ env: 'front|end' }, 'ORCH_AGENT'],
      [{ gitConfig: 'front\x1bend' }, 'git config orch.agent'],
      [{ trailer: 'front\u202Eend' }, 'Agent: trailer'],
      [{ env: 'a\rAgent: b' }, 'ORCH_AGENT'],
      [{ email: 'x|y@example.org' }, 'git email'],
    ] as const) {
      const e = refused(clues);
      expect(e, JSON.stringify(clues)).not.toBeNull();
      expect(e!.exitCode).toBe(2);
      expect(e!.message).toContain(from);
      expect(e!.hint).toContain('letters, digits');
    }
    expect(refused({ env: 'front|end' })!.message).toContain('contains "|"');
    expect(refused({ flag: 'front\nend' })!.message).toContain('contains a line break');
    expect(refused({ gitConfig: 'front\x1bend' })!.message).toContain('U+001B');
  });

  it('accepts ordinary names, with a leading "@" and surrounding space trimmed as before', () => {
    expect(resolveIdentity({ env: ' @backend-architect.v2_x ' }, config).name).toBe('backend-architect.v2_x');
    expect(resolveIdentity({ flag: 'frontend' }, config).name).toBe('frontend');
    // a trailing newline (from `git config` or a file) is not part of the name
    expect(resolveIdentity({ env: 'frontend\n' }, config).name).toBe('frontend');
  });
});
