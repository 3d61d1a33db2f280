// What only collection sees reaches the report through the rule whose id it carries, so
// `rules` and ORCH_SKIP act on it: unknown agents, an unreachable lock branch, locks
// dropped by hand, refs a push writes or deletes.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/check/runRules.js';
import { parseSkip } from '../../../src/check/parseSkip.js';
import type { Collected } from '../../../src/rules/collected.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const noFiles = makeChangeSet({ files: [] });

async function findings(collected: Collected, config: ConfigInput = {}, skip = '', only?: string[]) {
  const input = { ...makeRuleInput({ changes: noFiles, config, context: 'pre-push' }), collected };
  return runRules(input, parseSkip(skip), only);
}

const fetchFailed: Collected = {
  lockBranchFetch: { remote: 'origin', branch: 'orch/locks', reason: 'no route', blocking: true, copyAge: null },
};
const roster: Collected = { roster: { agents: [{ name: 'backend-architect', file: 'a.md' }], globs: [] } };

describe('findings from what collection found', () => {
  it('an unreachable lock branch is lock-conflict: an error under locks.verify strict, lowered by rules', async () => {
    expect((await findings(fetchFailed)).map((f) => [f.rule, f.severity])).toEqual([['lock-conflict', 'error']]);
    const lowered = await findings(fetchFailed, { rules: { 'lock-conflict': 'warn' } });
    expect(lowered.map((f) => f.severity)).toEqual(['warning']);
    expect(lowered[0].message).toContain('This clone has no copy of it');
    expect(lowered[0].message).not.toContain('Blocked');
    expect(await findings(fetchFailed, { rules: { 'lock-conflict': 'off' } })).toEqual([]);
    expect(await findings(fetchFailed, {}, 'lock-conflict')).toEqual([]);
  });

  it('is reported whichever rules judge the change', async () => {
    expect(await findings(fetchFailed, {}, '', [])).toHaveLength(1);
  });

  it('an unknown agent is unknown-agent: a warning, "error" blocks, "off" and ORCH_SKIP silence it', async () => {
    const typo = (config: ConfigInput) => ({
      ...makeRuleInput({ changes: noFiles, agent: 'backend-architekt', config }),
      collected: roster,
    });
    const warned = await runRules(typo({}), parseSkip(''));
    expect(warned.map((f) => [f.rule, f.severity])).toEqual([['unknown-agent', 'warning']]);
    expect(warned[0].message).toContain('did you mean backend-architect?');
    const blocked = await runRules(typo({ rules: { 'unknown-agent': 'error' } }), parseSkip(''));
    expect(blocked.map((f) => f.severity)).toEqual(['error']);
    expect(await runRules(typo({ rules: { 'unknown-agent': 'off' } }), parseSkip(''))).toEqual([]);
    expect(await runRules(typo({}), parseSkip('unknown-agent'))).toEqual([]);
    // a known name: nothing to say
    expect(await findings(roster)).toEqual([]);
  });

  it('a lock dropped by hand is a status-integrity warning even where the rule is an error; "off" silences it', async () => {
    const dropped: Collected = {
      droppedLocks: [{ lock: { path: 'src/app.js', agent: 'frontend', line: 9 }, where: 'HEAD' }],
    };
    const found = await findings(dropped, { rules: { 'status-integrity': 'error' } });
    expect(found.map((f) => [f.rule, f.severity, f.holder])).toEqual([['status-integrity', 'warning', 'frontend']]);
    expect(await findings(dropped, { rules: { 'status-integrity': 'off' } })).toEqual([]);
  });

  it('a deleted lock branch and a replace ref are status-integrity errors; ORCH_SKIP=status-integrity lets them through', async () => {
    const refs: Collected = { deletedLockBranch: ['refs/heads/orch/locks'], replaceRefs: ['refs/replace/abc'] };
    const found = await findings(refs, {}, '', []);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['status-integrity', 'error'],
      ['status-integrity', 'error'],
    ]);
    expect(await findings(refs, {}, 'status-integrity', [])).toEqual([]);
  });
});
