// The review rows a passing pre-commit records: for each review gate (container files for
// docker-expert, contracts for their consumers) one request per changed path and reviewer,
// unless the reviewer already has this exact content before them (an open request or a
// valid approval). A request may carry a note for the reviewer (the Dockerfile practices
// to look at first).
import type { Config } from '../config/schema.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import type { ChangeSet, Identity, Review, StatusDoc } from '../types.js';
import { gitBlobId } from './gitBlobId.js';
import { mayRequest, reviewGates, type ReviewRuleId } from './reviewGates.js';
import { blobMatches, reviewStateFor } from './reviewStateFor.js';
import { reviewTargets } from './reviewTargets.js';

export interface ReviewRequestOptions {
  ignoreCase?: boolean;
  /** Which gates to record for (default: all). */
  rules?: readonly ReviewRuleId[];
  /** A note per path, written after the content id in the request's State cell. */
  notes?: (path: string, content: string) => string | undefined;
}

export async function reviewRequestsFor(
  changes: ChangeSet,
  config: Pick<Config, 'review'> & Partial<Pick<Config, 'contracts'>>,
  identity: Identity,
  status: Pick<StatusDoc, 'reviews'>,
  now: Date,
  options: ReviewRequestOptions = {},
): Promise<Review[]> {
  const at = formatStatusTime(now);
  const out: Review[] = [];
  const seen = new Set<string>();
  const read = new Map<string, Promise<string | null>>();
  for (const gate of reviewGates(config, options.rules)) {
    if (!mayRequest(gate, identity.name)) continue;
    const targets = reviewTargets(changes.files, gate, options);
    if (targets.length === 0) continue;
    const contents = await Promise.all(
      targets.map((t) => {
        if (t.deleted) return Promise.resolve(null);
        let p = read.get(t.path);
        if (!p) read.set(t.path, (p = changes.read(t.path, 'new')));
        return p;
      }),
    );
    targets.forEach((t, i) => {
      const content = contents[i];
      for (const reviewer of gate.reviewers) {
        const key = `${t.path}\0${reviewer.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const verdict = reviewStateFor(status.reviews, t.path, reviewer, content, options);
        if (verdict.state === 'approved' && (content === null || verdict.row.blob)) continue;
        if (verdict.state === 'requested' && sameContent(verdict.row.blob, content)) continue;
        const note = content !== null ? options.notes?.(t.path, content) : undefined;
        out.push({
          path: t.path,
          requestedBy: identity.name ?? 'unknown',
          reviewer,
          state: 'requested',
          at,
          ...(content !== null ? { blob: gitBlobId(content) } : {}),
          ...(note ? { note } : {}),
          line: 0,
        });
      }
    });
  }
  return out;
}

/** An open request covers this content when it records the same id, or records none to compare. */
function sameContent(blob: string | undefined, content: string | null): boolean {
  if (!blob || content === null) return true;
  return blobMatches(blob, content);
}
