import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { gitBlobId } from '../../../src/compose/gitBlobId.js';
import { reviewRequestsFor } from '../../../src/compose/reviewRequestsFor.js';
import { blobMatches, reviewStateFor } from '../../../src/compose/reviewStateFor.js';
import type { Identity, Review } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';

const config = configSchema.parse({});
const me: Identity = { name: 'backend-architect', source: 'env', isAgent: true };
const now = new Date('2026-11-26T09:05:30Z');
const DF = 'services/orders/Dockerfile';
const v1 = 'FROM golang:1.22\n';
const v2 = 'FROM golang:1.23\n';

const row = (r: Partial<Review>): Review => ({
  path: DF,
  requestedBy: 'backend-architect',
  reviewer: 'docker-expert',
  state: 'requested',
  line: 10,
  ...r,
});

describe('gitBlobId', () => {
  it('is the id git hash-object gives the same text', () => {
    // printf 'hello\n' | git hash-object --stdin
    expect(gitBlobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(gitBlobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('matches abbreviated and prefixed ids, and not other content', () => {
    expect(blobMatches('ce01362', 'hello\n')).toBe(true);
    expect(blobMatches('sha1:ce013625030ba8dba906f756967f9e9ca394464a', 'hello\n')).toBe(true);
    expect(blobMatches('ce013625030ba8dba906f756967f9e9ca394464a', 'hello!\n')).toBe(false);
    expect(blobMatches('not-a-hash', 'hello\n')).toBe(false);
  });
});

describe('reviewStateFor', () => {
  it('is approved when the last row approves this exact content', () => {
    expect(
      reviewStateFor([row({}), row({ state: 'approved', blob: gitBlobId(v1), line: 11 })], DF, 'docker-expert', v1)
        .state,
    ).toBe('approved');
  });

  it('is void once the content differs from the approved one', () => {
    expect(reviewStateFor([row({ state: 'approved', blob: gitBlobId(v1) })], DF, 'docker-expert', v2).state).toBe(
      'void',
    );
  });

  it('lets the latest row win, and ignores rows of other reviewers or paths', () => {
    const rows = [
      row({ state: 'approved', blob: gitBlobId(v1), line: 3 }),
      row({ state: 'requested', blob: gitBlobId(v2), line: 7 }),
      row({ reviewer: 'someone-else', state: 'approved', line: 9 }),
      row({ path: 'other/Dockerfile', state: 'approved', line: 12 }),
    ];
    expect(reviewStateFor(rows, DF, 'Docker-Expert', v2).state).toBe('requested');
    expect(reviewStateFor([row({ state: 'rejected' })], DF, 'docker-expert', v2).state).toBe('rejected');
    expect(reviewStateFor([], DF, 'docker-expert', v2).state).toBe('none');
  });

  it('covers a path by a directory row and compares case-insensitively when the file system does', () => {
    expect(reviewStateFor([row({ path: 'services/orders/', state: 'approved' })], DF, 'docker-expert', v1).state).toBe(
      'approved',
    );
    expect(
      reviewStateFor([row({ path: 'Services/Orders/Dockerfile', state: 'approved' })], DF, 'docker-expert', v1, {
        ignoreCase: true,
      }).state,
    ).toBe('approved');
    expect(
      reviewStateFor([row({ path: 'Services/Orders/Dockerfile', state: 'approved' })], DF, 'docker-expert', v1).state,
    ).toBe('none');
  });
});

describe('reviewRequestsFor', () => {
  const changed = makeChangeSet({
    files: [
      { status: 'A', path: DF },
      { status: 'M', path: 'docker-compose.yml' },
      { status: 'M', path: 'services/orders/main.go' },
    ],
    new: { [DF]: v2, 'docker-compose.yml': 'services: {}\n', 'services/orders/main.go': 'package main' },
  });

  it('requests a review for each changed Dockerfile and compose path, with the content id', async () => {
    const rows = await reviewRequestsFor(changed, config, me, { reviews: [] }, now);
    expect(rows).toEqual([
      {
        path: DF,
        requestedBy: 'backend-architect',
        reviewer: 'docker-expert',
        state: 'requested',
        at: '2026-11-26T09:05Z',
        blob: gitBlobId(v2),
        line: 0,
      },
      {
        path: 'docker-compose.yml',
        requestedBy: 'backend-architect',
        reviewer: 'docker-expert',
        state: 'requested',
        at: '2026-11-26T09:05Z',
        blob: gitBlobId('services: {}\n'),
        line: 0,
      },
    ]);
  });

  it('skips a path with an open request for the same content, not one for older content', async () => {
    const same = await reviewRequestsFor(changed, config, me, { reviews: [row({ blob: gitBlobId(v2) })] }, now);
    expect(same.map((r) => r.path)).toEqual(['docker-compose.yml']);
    const older = await reviewRequestsFor(changed, config, me, { reviews: [row({ blob: gitBlobId(v1) })] }, now);
    expect(older.map((r) => r.path)).toEqual([DF, 'docker-compose.yml']);
  });

  it('skips content already approved, and asks again once an approval is void', async () => {
    const approved = await reviewRequestsFor(
      changed,
      config,
      me,
      { reviews: [row({ state: 'approved', blob: gitBlobId(v2) })] },
      now,
    );
    expect(approved.map((r) => r.path)).toEqual(['docker-compose.yml']);
    const voided = await reviewRequestsFor(
      changed,
      config,
      me,
      { reviews: [row({ state: 'approved', blob: gitBlobId(v1) })] },
      now,
    );
    expect(voided.map((r) => r.path)).toContain(DF);
  });

  it('uses the configured reviewer and paths', async () => {
    const custom = configSchema.parse({ review: { reviewer: 'platform', paths: ['**/Dockerfile'] } });
    const rows = await reviewRequestsFor(changed, custom, me, { reviews: [] }, now);
    expect(rows).toEqual([expect.objectContaining({ path: DF, reviewer: 'platform' })]);
  });
});
