// The container side as one on-demand module: the three rules and the review requests the
// record step writes. Loaded only when a change touches Dockerfiles, compose files, service
// markers or deletes something, so an ordinary commit never parses YAML.
export { rule as newServiceContainer } from '../rules/new-service-container.js';
export { rule as composeConsistency } from '../rules/compose-consistency.js';
export { rule as containerReview } from '../rules/container-review.js';
export { reviewRequestsFor } from './reviewRequestsFor.js';
export { rule as dockerfilePractice } from '../rules/dockerfile-practice.js';
export { practiceNote } from './practiceNote.js';
