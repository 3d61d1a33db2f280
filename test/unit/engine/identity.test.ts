import { describe, expect, it } from 'vitest';
import { resolveIdentity, sameAgent } from '../../../src/engine/resolveIdentity.js';

const config = { agents: { 'backend-architect': { emails: ['backend@example.org'], signingKeys: [] } } };

describe('resolveIdentity', () => {
  it('takes the first clue in the contract order', () => {
    expect(resolveIdentity({ flag: 'a', env: 'b', gitConfig: 'c', email: 'x@y' }, config)).toEqual({ name: 'a', source: 'flag', isAgent: true });
    expect(resolveIdentity({ env: 'b', gitConfig: 'c' }, config).source).toBe('env');
    expect(resolveIdentity({ gitConfig: 'c', trailer: 'd' }, config).source).toBe('git-config');
    expect(resolveIdentity({ trailer: 'd', email: 'backend@example.org' }, config).source).toBe('trailer');
  });
  it('maps an author email through the agents table, case-insensitively', () => {
    expect(resolveIdentity({ email: 'Backend@Example.org' }, config)).toEqual({ name: 'backend-architect', source: 'email-map', isAgent: true });
  });
  it('falls back to the person and their email', () => {
    expect(resolveIdentity({ email: 'dev@corp.test' }, config)).toEqual({ name: 'dev@corp.test', source: 'git-email', isAgent: false });
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
