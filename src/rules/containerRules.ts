// The container side as one on-demand module: the container rules and the review requests
// the record step writes. Loaded only when a change touches Dockerfiles, compose files,
// service markers or deletes something, so an ordinary commit never parses YAML.
export { rule as newServiceContainer } from './new-service-container.js';
export { rule as composeConsistency } from './compose-consistency.js';
export { rule as containerReview } from './container-review.js';
export { rule as dockerfilePractice } from './dockerfile-practice.js';
export { reviewRequestsFor } from '../compose/reviewRequestsFor.js';
export { practiceNote } from '../compose/practiceNote.js';
