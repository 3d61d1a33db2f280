// status-parse reports the status file's unreadable lines that collection hands it, with
// the rule's severity from `rules` and ORCH_SKIP applied like any other rule's.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/check/runRules.js';
import { parseSkip } from '../../../src/check/parseSkip.js';
import { rule } from '../../../src/rules/status-parse.js';
import type { RuleInput } from '../../../src/rules/rule.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const problem = { line: 7, message: 'no path cell', text: '| | frontend | T-1 | | | |' };

function input(config: ConfigInput = {}, problems = [problem]): RuleInput {
  return {
    ...makeRuleInput({ changes: makeChangeSet({ files: [{ status: 'M', path: 'src/app.js' }] }), config }),
    collected: { statusProblems: problems },
  };
}

const parseFindings = async (config: ConfigInput = {}, skip = '') =>
  (await runRules(input(config), parseSkip(skip))).filter((f) => f.rule === 'status-parse');

describe('status-parse', () => {
  it('names the file, the line and its text, and how to rewrite it', () => {
    const [f] = rule.collected!(input());
    expect(f).toMatchObject({ rule: 'status-parse', path: 'WORK_STATUS.md', line: 7 });
    expect(f.message).toContain('line 7 of WORK_STATUS.md could not be read as a lock: no path cell');
    expect(f.message).toContain('| | frontend | T-1 |');
    expect(f.fix).toContain('| Path | Agent | Task | Since | Expires | Note |');
  });

  it('is a warning by default, at every context', async () => {
    expect((await parseFindings()).map((f) => f.severity)).toEqual(['warning']);
    expect(rule.defaultSeverity('pre-receive')).toBe('warning');
  });

  it('"error" in rules makes it block', async () => {
    expect((await parseFindings({ rules: { 'status-parse': 'error' } })).map((f) => f.severity)).toEqual(['error']);
  });

  it('"off" in rules silences unreadable lines', async () => {
    expect(await parseFindings({ rules: { 'status-parse': 'off' } })).toEqual([]);
  });

  it('ORCH_SKIP=status-parse skips it', async () => {
    expect(await parseFindings({}, 'status-parse')).toEqual([]);
    expect(await parseFindings({}, 'lock-conflict')).toHaveLength(1);
  });

  it('nothing to say without unreadable lines, and nothing from the change itself', async () => {
    expect(rule.collected!(input({}, []))).toEqual([]);
    expect(await rule.check(input())).toEqual([]);
  });

  it('orch explain has its documentation', () => {
    expect(rule.docs).toMatch(/^status-parse — /);
    expect(rule.docs).toContain('rules["status-parse"]');
  });
});
