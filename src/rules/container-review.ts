import { reviewGateFindings } from './reviewGateFindings.js';
import type { Rule } from './rule.js';

export { reviewRequestsFor } from '../compose/reviewRequestsFor.js';

export const rule: Rule = {
  id: 'container-review',
  defaultSeverity: (context) => (context === 'pre-commit' || context === 'check' ? 'warning' : 'error'),
  summary: 'Dockerfile and compose changes need an approval by the container reviewer (docker-expert).',
  docs: `container-review — container changes need the reviewer's approval.

Applies to changed paths matching review.paths (by default **/Dockerfile,
**/Dockerfile.*, **/*.Dockerfile and **/*compose*.{yml,yaml}).

At pre-commit nothing is reported: when the commit passes, orch records a review request
for each such path in the Reviews section of the status file, in the same commit:
  | services/orders/Dockerfile | backend-architect | docker-expert | requested | 2026-11-26T09:00Z |
A path that already has an open request for the same content gets no second row. The
request for a Dockerfile lists what dockerfile-practice found in it ("requested (blob …;
check first: root-user line 1, …)"), so the reviewer starts from those items.

At pre-push, in CI and in pre-receive, each such path (judged over the whole range) needs
its latest review row by the reviewer to be "approved", for the content being pushed:
the approval records the file's content id (its git blob id) and is void once the file
changes again. Unapproved changes are errors on branches matching review.branches
("@default" is the repository's default branch; default: the default branch and
release/*) and warnings on other branches. \`orch check\` reports them as warnings.

Why: the protocol says nothing proceeds to deployment without docker-expert's approval.

What to do: the reviewer looks at the change and, as the reviewer, runs
  orch review approve <path>...
A change made after the approval needs a new one. To ask for a review by hand:
  orch review request <path>...

Container review is the default review gate; contract groups with consumers are others,
handled the same way (see contract-review).

Config: review.reviewer, review.paths, review.branches, statusFile,
rules["container-review"].`,

  check(input) {
    return reviewGateFindings(input, 'container-review');
  },
};

export { onProtectedBranch } from './onProtectedBranch.js';
