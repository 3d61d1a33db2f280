// The review requests a passing commit records in itself: container files changed, or
// contracts with consumers. Decided from the configuration and the ChangeSet the check
// handed on; the container parsers load only when a container file changed.
import type { Prepared } from '../check/prepareCheck.js';
import { touchesContainers } from '../compose/touchesContainers.js';
import type { ChangeSet, Review } from '../types.js';

export async function reviewRequests(prepared: Prepared, changes: ChangeSet): Promise<Review[]> {
  const { config, identity, skip } = prepared;
  const gates: ('container-review' | 'contract-review')[] = [];
  if (touchesContainers(changes.files) && !skip.rules.includes('container-review')) gates.push('container-review');
  if (config.contracts.some((c) => c.consumers?.length) && !skip.rules.includes('contract-review'))
    gates.push('contract-review');
  if (gates.length === 0) return [];
  const { reviewRequestsFor } = await import('../compose/reviewRequestsFor.js');
  const notes = gates.includes('container-review')
    ? await (await import('../compose/practiceNote.js')).practiceNote(changes, config)
    : undefined;
  return reviewRequestsFor(changes, config, identity, prepared.status.own, prepared.now, { rules: gates, notes });
}
