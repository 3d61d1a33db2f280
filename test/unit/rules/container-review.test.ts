import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { gitBlobId } from '../../../src/compose/gitBlobId.js';
import { onProtectedBranch, reviewRequestsFor, rule } from '../../../src/rules/container-review.js';
import type { RuleInput } from '../../../src/rules/rule.js';
import type { ChangeSet, Context, Review } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';

const DF = 'services/orders/Dockerfile';
const v1 = 'FROM golang:1.22\n';
const v2 = 'FROM golang:1.23\n';

function input(
  changes: ChangeSet,
  opts: { reviews?: Review[]; context?: Context; branch?: string; config?: ConfigInput; range?: ChangeSet } = {},
): RuleInput {
  return {
    changes,
    range: opts.range,
    status: { locks: [], reviews: opts.reviews ?? [], problems: [], steals: [] },
    config: configSchema.parse(opts.config ?? {}),
    identity: { name: 'backend-architect', source: 'env', isAgent: true },
    context: opts.context ?? 'pre-push',
    branch: 'branch' in opts ? opts.branch : 'main',
    defaultBranch: 'main',
    ignoreCase: false,
    now: new Date('2026-11-26T10:00:00Z'),
  };
}

const changeTo = (content: string) =>
  makeChangeSet({
    old: { [DF]: v1 },
    files: [
      { status: 'M', path: DF },
      { status: 'M', path: 'services/orders/main.go' },
    ],
    new: { [DF]: content, 'services/orders/main.go': 'x' },
  });
const approved = (content: string, line = 20): Review => ({
  path: DF,
  requestedBy: 'backend-architect',
  reviewer: 'docker-expert',
  state: 'approved',
  at: '2026-11-26T09:30Z',
  blob: gitBlobId(content),
  line,
});

describe('container-review', () => {
  it('reports nothing at pre-commit: the record step requests the review instead', async () => {
    expect(await rule.check(input(changeTo(v2), { context: 'pre-commit' }))).toEqual([]);
  });

  it('fails an unreviewed Dockerfile change on the default branch, with the command to run', async () => {
    const [f, ...rest] = await rule.check(input(changeTo(v2)));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'container-review', severity: 'error', path: DF });
    expect(f.message).toBe(`${DF} changed on main and has no review by docker-expert. Ask docker-expert for a review.`);
    expect(f.fix).toBe(`orch review request ${DF}   (then docker-expert runs: orch review approve ${DF})`);
  });

  it('only warns on branches outside review.branches, and in orch check', async () => {
    expect((await rule.check(input(changeTo(v2), { branch: 'feature/x' })))[0].severity).toBe('warning');
    expect((await rule.check(input(changeTo(v2), { branch: 'release/1.2' })))[0].severity).toBe('error');
    expect((await rule.check(input(changeTo(v2), { context: 'check' })))[0].severity).toBe('warning');
    expect(
      (
        await rule.check(
          input(changeTo(v2), { context: 'ci', branch: 'develop', config: { review: { branches: ['develop'] } } }),
        )
      )[0].severity,
    ).toBe('error');
  });

  it('passes once the reviewer approved this content', async () => {
    expect(await rule.check(input(changeTo(v2), { reviews: [approved(v2)] }))).toEqual([]);
  });

  it('fails again when the file changed after the approval', async () => {
    const [f] = await rule.check(input(changeTo(v2), { reviews: [approved(v1)] }));
    expect(f.message).toBe(
      `${DF} changed after docker-expert approved it at 2026-11-26T09:30Z: the approval covers an earlier version. It needs a new approval.`,
    );
    expect(f.fix).toContain(`orch review request ${DF}`);
  });

  it('says who to wait for when a request is open', async () => {
    const [f] = await rule.check(
      input(changeTo(v2), {
        reviews: [
          {
            path: DF,
            requestedBy: 'backend-architect',
            reviewer: 'docker-expert',
            state: 'requested',
            at: '2026-11-26T09:05Z',
            line: 12,
          },
        ],
      }),
    );
    expect(f.message).toBe(
      `${DF} awaits review by docker-expert (requested by backend-architect at 2026-11-26T09:05Z).`,
    );
    expect(f.fix).toBe(`docker-expert runs: orch review approve ${DF}`);
  });

  it('judges the whole range: an approval of the final content covers every commit', async () => {
    const range = changeTo(v2);
    const firstCommit = makeChangeSet({
      old: { [DF]: v1 },
      files: [{ status: 'M', path: DF }],
      new: { [DF]: 'FROM golang:1.22.1\n' },
    });
    expect(await rule.check(input(firstCommit, { range, reviews: [approved(v2)] }))).toEqual([]);
  });

  it('ignores changes outside review.paths', async () => {
    const cs = makeChangeSet({
      files: [{ status: 'M', path: 'services/orders/main.go' }],
      new: { 'services/orders/main.go': 'x' },
    });
    expect(await rule.check(input(cs))).toEqual([]);
  });

  it('needs a review for deleted container files too, and accepts an approval of the deletion', async () => {
    const cs = makeChangeSet({
      old: { 'docker-compose.yml': 'services: {}\n' },
      files: [{ status: 'D', path: 'docker-compose.yml' }],
    });
    const [f] = await rule.check(input(cs));
    expect(f.message).toMatch(/^docker-compose\.yml \(deleted\) changed on main/);
    const row: Review = {
      path: 'docker-compose.yml',
      requestedBy: 'a',
      reviewer: 'docker-expert',
      state: 'approved',
      line: 3,
    };
    expect(await rule.check(input(cs, { reviews: [row] }))).toEqual([]);
  });

  it('treats an unknown branch strictly and resolves @default to the default branch', () => {
    const config = configSchema.parse({});
    expect(onProtectedBranch({ config })).toBe(true);
    expect(onProtectedBranch({ config, branch: 'trunk', defaultBranch: 'trunk' })).toBe(true);
    expect(onProtectedBranch({ config, branch: 'main', defaultBranch: 'trunk' })).toBe(false);
  });

  it('the request / approve / change cycle: request recorded, approval clears it, a later change voids it', async () => {
    const config = configSchema.parse({});
    const me = { name: 'backend-architect', source: 'env' as const, isAgent: true };
    // 1. pre-commit records the request for the new content.
    const requests = await reviewRequestsFor(
      changeTo(v2),
      config,
      me,
      { reviews: [] },
      new Date('2026-11-26T09:05:00Z'),
    );
    expect(requests).toEqual([
      expect.objectContaining({ path: DF, state: 'requested', blob: gitBlobId(v2), at: '2026-11-26T09:05Z' }),
    ]);
    const requestRow = { ...requests[0], line: 12 };
    expect((await rule.check(input(changeTo(v2), { reviews: [requestRow] })))[0].message).toContain('awaits review');
    // 2. the reviewer approves that content.
    const approval: Review = { ...requestRow, state: 'approved', at: '2026-11-26T09:30Z' };
    expect(await rule.check(input(changeTo(v2), { reviews: [approval] }))).toEqual([]);
    // 3. a later change: the approval no longer applies, and a new request is due.
    const v3 = 'FROM golang:1.24\n';
    expect((await rule.check(input(changeTo(v3), { reviews: [approval] })))[0].message).toContain(
      'changed after docker-expert approved it',
    );
    expect(await reviewRequestsFor(changeTo(v3), config, me, { reviews: [approval] }, new Date())).toHaveLength(1);
  });

  it('documents the review configuration', () => {
    for (const key of ['review.reviewer', 'review.paths', 'review.branches']) expect(rule.docs).toContain(key);
    expect((['pre-commit', 'pre-push', 'ci', 'pre-receive'] as Context[]).map(rule.defaultSeverity)).toEqual([
      'warning',
      'error',
      'error',
      'error',
    ]);
  });
});
