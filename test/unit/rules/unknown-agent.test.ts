// unknown-agent: with a roster, every name orch is given — the identity, lock holders,
// contract owners, the configured reviewer, configOwners — is one the project defines.
import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/unknown-agent.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import type { Lock } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const roster = {
  agents: [
    { name: 'backend-architect', file: '.claude/agents/backend-architect.md' },
    { name: 'frontend-specialist', file: '.claude/agents/frontend-specialist.md' },
    { name: 'docker-expert', file: '.claude/agents/docker-expert.md' },
  ],
  globs: ['.claude/agents/*.md'],
};

function judge(spec: {
  agent?: string;
  person?: boolean;
  locks?: Partial<Lock>[];
  config?: ConfigInput;
  withRoster?: boolean;
}) {
  const input = makeRuleInput({ changes: makeChangeSet({ files: [] }), ...spec });
  return rule.collected!({ ...input, collected: spec.withRoster === false ? {} : { roster } });
}

describe('unknown-agent', () => {
  it('names a misspelt identity, where it came from and the closest agent', () => {
    const [f, ...rest] = judge({ agent: 'backend-architekt' });
    expect(rest).toEqual([]);
    expect(f.rule).toBe('unknown-agent');
    expect(f.message).toBe(
      'backend-architekt (the identity, from env) is not a known agent; did you mean backend-architect?',
    );
    expect(f.fix).toBe('Use the name backend-architect, or add an agent definition named backend-architekt.');
  });

  it('says nothing of a defined agent, in any case or with a leading @', () => {
    expect(judge({ agent: 'Backend-Architect' })).toEqual([]);
    expect(judge({ agent: '@frontend-specialist' })).toEqual([]);
  });

  it('knows the agents of the agents table as well as the roster', () => {
    expect(
      judge({ agent: 'qa-engineer', config: { agents: { 'qa-engineer': { emails: ['qa@acme.test'] } } } }),
    ).toEqual([]);
  });

  it('does not judge a person by the roster', () => {
    expect(judge({ agent: 'dev@acme.test', person: true })).toEqual([]);
  });

  it('names an unknown lock holder once, with the status file line; "(unknown holder)" is not a name', () => {
    const found = judge({
      locks: [
        { path: 'api/a.ts', agent: 'ghost', line: 12 },
        { path: 'api/b.ts', agent: 'ghost', line: 13 },
        { path: 'api/c.ts', agent: '(unknown holder)', line: 14 },
      ],
    });
    expect(found.map((f) => [f.path, f.line, f.message])).toEqual([
      ['WORK_STATUS.md', 12, 'ghost (lock holder of api/a.ts) is not a known agent'],
      ['WORK_STATUS.md', 13, 'ghost (lock holder of api/b.ts) is not a known agent'],
    ]);
    expect(found[0].fix).toContain(
      'Use a name from the roster (backend-architect, frontend-specialist, docker-expert)',
    );
  });

  it('checks contract owners, configOwners and a reviewer the project chose', () => {
    const found = judge({
      config: {
        contracts: [{ name: 'orders-api', paths: ['api/**'], owners: ['api-owner'] }],
        configOwners: ['devops-enginer'],
        review: { reviewer: 'docker-expret' },
      },
    });
    expect(found.map((f) => f.message)).toEqual([
      'api-owner (owner of the contract orders-api) is not a known agent',
      'docker-expret (the configured container reviewer) is not a known agent; did you mean docker-expert?',
      'devops-enginer (a configOwners entry) is not a known agent',
    ]);
  });

  it('checks nothing without a roster', () => {
    expect(judge({ agent: 'anyone-at-all', withRoster: false })).toEqual([]);
  });

  it('is a warning by default, for every context', () => {
    expect(rule.defaultSeverity('pre-commit')).toBe('warning');
    expect(rule.defaultSeverity('ci')).toBe('warning');
  });
});
