import { describe, expect, it } from 'vitest';
import { addReview } from '../../../src/status/addReview.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { setReviewState } from '../../../src/status/setReviewState.js';

const DOC = [
  '# Work Status',
  '',
  '## Reviews',
  '',
  '| Path | Requested by | Reviewer | State | At |',
  '| --- | --- | --- | --- | --- |',
  '| services/orders/Dockerfile | backend-architect | docker-expert | requested | 2026-11-26T09:05Z |',
  '',
  '## Log',
  '',
  '- 2026-11-26T09:05Z backend-architect T-12: A services/orders/Dockerfile',
  '',
].join('\n');
const review = {
  path: 'docker-compose.yml',
  requestedBy: 'backend-architect',
  reviewer: 'docker-expert',
  state: 'requested' as const,
  at: '2026-11-26T09:06Z',
};

describe('addReview', () => {
  it('adds a row to the Reviews table', () => {
    expect(addReview(DOC, review)).toBe(
      DOC.replace(
        '09:05Z |\n',
        '09:05Z |\n| docker-compose.yml | backend-architect | docker-expert | requested | 2026-11-26T09:06Z |\n',
      ),
    );
  });

  it('creates the canonical Reviews section before Log, or at the end', () => {
    const out = addReview('# S\n\n## Log\n\n- x\n', review);
    expect(out).toBe(
      '# S\n\n## Reviews\n\n| Path | Requested by | Reviewer | State | At |\n| --- | --- | --- | --- | --- |\n| docker-compose.yml | backend-architect | docker-expert | requested | 2026-11-26T09:06Z |\n\n## Log\n\n- x\n',
    );
    const end = addReview('# S', review);
    expect(
      end.endsWith('| docker-compose.yml | backend-architect | docker-expert | requested | 2026-11-26T09:06Z |'),
    ).toBe(true);
    expect(readStatus(end).reviews).toHaveLength(1);
  });

  it('records the blob an approval applies to and reads it back', () => {
    const out = addReview(DOC, { ...review, state: 'approved', blob: '3f2a9c1d' });
    const r = readStatus(out).reviews.find((x) => x.path === 'docker-compose.yml');
    expect(r).toMatchObject({ state: 'approved', blob: '3f2a9c1d' });
  });
});

describe('setReviewState', () => {
  it('changes State and At of the picked row in place', () => {
    const out = setReviewState(DOC, (r) => r.path === 'services/orders/Dockerfile', 'approved', '2026-11-26T11:00Z');
    expect(out).toBe(DOC.replace('| requested | 2026-11-26T09:05Z |', '| approved | 2026-11-26T11:00Z |'));
  });

  it('leaves the text alone when nothing matches', () => {
    expect(setReviewState(DOC, () => false, 'approved', 'x')).toBe(DOC);
  });

  it('splits a multi-path row when only some paths are picked', () => {
    const doc = DOC.replace('| services/orders/Dockerfile |', '| services/a/Dockerfile<br>services/b/Dockerfile |');
    const out = setReviewState(doc, (r) => r.path === 'services/b/Dockerfile', 'rejected', '2026-11-26T12:00Z');
    const reviews = readStatus(out).reviews.map((r) => [r.path, r.state, r.at]);
    expect(reviews).toEqual([
      ['services/a/Dockerfile', 'requested', '2026-11-26T09:05Z'],
      ['services/b/Dockerfile', 'rejected', '2026-11-26T12:00Z'],
    ]);
    expect(out.split('\n').slice(6, 8)).toEqual([
      '| services/a/Dockerfile | backend-architect | docker-expert | requested | 2026-11-26T09:05Z |',
      '| services/b/Dockerfile | backend-architect | docker-expert | rejected | 2026-11-26T12:00Z |',
    ]);
  });

  it('keeps CRLF', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const out = setReviewState(crlf, () => true, 'approved', 'now');
    expect(out).toBe(crlf.replace('| requested | 2026-11-26T09:05Z |', '| approved | now |'));
  });
});

describe('addReview under a Reviews heading whose table is of another shape', () => {
  it('writes the row into a canonical Reviews table of its own, where it reads back', () => {
    const text = '## Reviews\n| File | Locked By | Status | Until |\n|---|---|---|---|\n';
    const review = {
      path: 'svc/Dockerfile',
      requestedBy: 'web-dev',
      reviewer: 'docker-expert',
      state: 'requested' as const,
      at: '2026-11-26T09:05Z',
    };
    const out = addReview(text, review);
    expect(out.startsWith(text)).toBe(true);
    expect(readStatus(out).reviews).toEqual([expect.objectContaining(review)]);
    expect(readStatus(out).locks).toEqual([]);
  });
});
