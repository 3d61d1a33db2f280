// The review rows a passing pre-commit records for container changes: one request per
// changed Dockerfile or compose path, unless the reviewer already has this exact content
// before them (an open request or a valid approval).
import type { Config } from '../config/schema.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import type { ChangeSet, Identity, Review, StatusDoc } from '../types.js';
import { gitBlobId } from './gitBlobId.js';
import { blobMatches, reviewStateFor } from './reviewStateFor.js';
import { reviewTargets } from './reviewTargets.js';

export async function reviewRequestsFor(
  changes: ChangeSet,
  config: Pick<Config, 'review'>,
  identity: Identity,
  status: Pick<StatusDoc, 'reviews'>,
  now: Date,
  options: { ignoreCase?: boolean } = {},
): Promise<Review[]> {
  const targets = reviewTargets(changes.files, config.review, options);
  if (targets.length === 0) return [];
  const reviewer = config.review.reviewer;
  const contents = await Promise.all(targets.map((t) => (t.deleted ? Promise.resolve(null) : changes.read(t.path, 'new'))));
  const at = formatStatusTime(now);
  const out: Review[] = [];
  targets.forEach((t, i) => {
    const content = contents[i];
    const verdict = reviewStateFor(status.reviews, t.path, reviewer, content, options);
    if (verdict.state === 'approved' && (content === null || verdict.row.blob)) return;
    if (verdict.state === 'requested' && sameContent(verdict.row.blob, content)) return;
    out.push({
      path: t.path,
      requestedBy: identity.name ?? 'unknown',
      reviewer,
      state: 'requested',
      at,
      ...(content !== null ? { blob: gitBlobId(content) } : {}),
      line: 0,
    });
  });
  return out;
}

/** An open request covers this content when it records the same id, or records none to compare. */
function sameContent(blob: string | undefined, content: string | null): boolean {
  if (!blob || content === null) return true;
  return blobMatches(blob, content);
}
