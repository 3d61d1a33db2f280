import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../src/compose/gitBlobId.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { rule } from '../../../src/rules/contract-review.js';
import type { RuleInput } from '../../../src/rules/rule.js';
import type { ChangeSet, Context, Review } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const API = 'api/openapi.yaml';
const v1 = 'openapi: 3.1.0\npaths: {}\n';
const v2 = 'openapi: 3.1.0\npaths:\n  /orders: {}\n';
const contract = { name: 'api', paths: ['api/**'], owners: ['backend-architect'] };
const withConsumers = (consumers: string[]): ConfigInput => ({ contracts: [{ ...contract, consumers }] });

function input(
  changes: ChangeSet,
  opts: { reviews?: Review[]; context?: Context; branch?: string; config?: ConfigInput; range?: ChangeSet } = {},
): RuleInput {
  const base = makeRuleInput({
    changes,
    reviews: opts.reviews,
    context: opts.context ?? 'pre-push',
    config: opts.config ?? withConsumers(['frontend-specialist']),
  });
  return { ...base, range: opts.range, branch: opts.branch ?? 'main', defaultBranch: 'main' };
}
const changeTo = (content: string, path = API) =>
  makeChangeSet({ old: { [path]: v1 }, files: [{ status: 'M', path }], new: { [path]: content } });
const row = (reviewer: string, state: Review['state'], content?: string, line = 20): Review => ({
  path: API,
  requestedBy: 'backend-architect',
  reviewer,
  state,
  at: '2026-11-26T09:30Z',
  ...(content !== undefined ? { blob: gitBlobId(content) } : {}),
  line,
});

describe('contract-review', () => {
  it('fails a contract change no consumer acknowledged, naming the consumer, the contract and the commands', async () => {
    expect(await rule.check(input(changeTo(v2)))).toEqual([
      {
        rule: 'contract-review',
        severity: 'error',
        path: API,
        message: `${API} changed on main and has no review by frontend-specialist (a consumer of the "api" contract). Ask frontend-specialist for a review.`,
        fix: `orch review request ${API}   (then frontend-specialist runs: orch review approve ${API})`,
      },
    ]);
  });

  it('reports nothing at pre-commit (the record step requests the reviews), and only warns in orch check and off review.branches', async () => {
    expect(await rule.check(input(changeTo(v2), { context: 'pre-commit' }))).toEqual([]);
    expect((await rule.check(input(changeTo(v2), { context: 'check' })))[0].severity).toBe('warning');
    expect((await rule.check(input(changeTo(v2), { context: 'ci', branch: 'feature/x' })))[0].severity).toBe('warning');
    expect((await rule.check(input(changeTo(v2), { context: 'pre-receive' })))[0].severity).toBe('error');
    expect(rule.defaultSeverity('pre-commit')).toBe('warning');
    expect(rule.defaultSeverity('pre-push')).toBe('error');
  });

  it("needs every consumer's approval of this content; one approval clears only its consumer", async () => {
    const config = withConsumers(['frontend-specialist', 'mobile-dev']);
    const none = await rule.check(input(changeTo(v2), { config }));
    expect(none.map((f) => f.message.match(/no review by (\S+)/)?.[1])).toEqual(['frontend-specialist', 'mobile-dev']);
    const one = await rule.check(
      input(changeTo(v2), { config, reviews: [row('Frontend-Specialist', 'approved', v2)] }),
    );
    expect(one.map((f) => f.message)).toEqual([expect.stringContaining('has no review by mobile-dev')]);
    const both = [row('frontend-specialist', 'approved', v2), row('mobile-dev', 'approved', v2, 21)];
    expect(await rule.check(input(changeTo(v2), { config, reviews: both }))).toEqual([]);
  });

  it('says what stands in the way: an open request, a rejection, or an approval of an earlier version', async () => {
    const [requested] = await rule.check(input(changeTo(v2), { reviews: [row('frontend-specialist', 'requested')] }));
    expect(requested.message).toBe(
      `${API} awaits review by frontend-specialist (a consumer of the "api" contract) (requested by backend-architect at 2026-11-26T09:30Z).`,
    );
    expect(requested.fix).toBe(`frontend-specialist runs: orch review approve ${API}`);
    const [rejected] = await rule.check(input(changeTo(v2), { reviews: [row('frontend-specialist', 'rejected')] }));
    expect(rejected.message).toBe(
      `${API} was rejected by frontend-specialist at 2026-11-26T09:30Z. Address the review and ask again.`,
    );
    const [stale] = await rule.check(input(changeTo(v2), { reviews: [row('frontend-specialist', 'approved', v1)] }));
    expect(stale.message).toContain('changed after frontend-specialist approved it at 2026-11-26T09:30Z');
    // the latest row decides: an approval after a rejection clears it
    const later = [
      row('frontend-specialist', 'rejected', undefined, 20),
      row('frontend-specialist', 'approved', v2, 30),
    ];
    expect(await rule.check(input(changeTo(v2), { reviews: later }))).toEqual([]);
  });

  it('asks nothing of contracts without consumers, of paths outside the contract, or of submodules', async () => {
    expect(await rule.check(input(changeTo(v2), { config: { contracts: [contract] } }))).toEqual([]);
    expect(await rule.check(input(changeTo(v2, 'docs/openapi.yaml')))).toEqual([]);
    const submodule = makeChangeSet({ files: [{ status: 'M', path: 'api/vendor', submodule: true }] });
    expect(await rule.check(input(submodule))).toEqual([]);
  });

  it('needs an acknowledgement of a deleted contract file too', async () => {
    const deleted = makeChangeSet({ old: { [API]: v1 }, files: [{ status: 'D', path: API }] });
    const [f] = await rule.check(input(deleted));
    expect(f.message).toMatch(
      /^api\/openapi\.yaml \(deleted\) changed on main and has no review by frontend-specialist/,
    );
    expect(await rule.check(input(deleted, { reviews: [row('frontend-specialist', 'approved')] }))).toEqual([]);
  });

  it('judges the range as a whole and names the last commit that changed the path', async () => {
    const sha = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const commit = makeChangeSet({ files: [{ status: 'M', path: API }], commit: { sha } });
    const range = makeChangeSet({
      kind: 'range',
      old: { [API]: v1 },
      files: [{ status: 'M', path: API }],
      new: { [API]: v2 },
      commits: [commit],
    });
    const first = makeChangeSet({ old: { [API]: v1 }, files: [{ status: 'M', path: API }], new: { [API]: 'x: 1\n' } });
    const [f] = await rule.check(input(first, { range }));
    expect(f.commit).toBe(sha);
    const approved = [row('frontend-specialist', 'approved', v2)];
    expect(await rule.check(input(first, { range, reviews: approved }))).toEqual([]);
  });
});
