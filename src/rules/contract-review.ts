// Consumers of a contract get a handoff: the owner's change records a review request for
// each consumer (in the same commit, as container changes do for docker-expert), and the
// range gate wants every consumer's acknowledgement of the content being pushed.
import { reviewGateFindings } from './reviewGateFindings.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'contract-review',
  defaultSeverity: (context) => (context === 'pre-commit' || context === 'check' ? 'warning' : 'error'),
  summary: "A contract change needs each consumer's acknowledgement (contracts[].consumers).",
  docs: `contract-review — the consumers of a contract acknowledge each change to it.

Applies to contract groups that name "consumers" (agents that build against the contract,
such as frontend-specialist), for changed paths matching the group's paths.

At pre-commit nothing is reported: when a commit by one of the group's owners passes,
orch records a review request for each consumer in the Reviews section of the status
file, in the same commit:
  | api/openapi.yaml | backend-architect | frontend-specialist | requested (blob 1a2b…) | 2026-11-26T09:00Z |

At pre-push, in CI and in pre-receive, each such path (judged over the whole range) needs
the latest review row of every consumer to be "approved", for the content being pushed:
the approval records the file's content id and is void once the file changes again.
Unacknowledged changes are errors on branches matching review.branches ("@default" is
the default branch) and warnings on other branches, as for container-review.
\`orch check\` reports them as warnings.

Why: the protocol has the architect coordinate API contracts with their consumers; a
contract that changes under a consumer without a handoff breaks it silently.

What to do: the consumer reads the change and, as the consumer, runs
  orch review approve <path>
A change made after the acknowledgement needs a new one. To ask by hand:
  orch review request <path>

Config: contracts[].consumers, contracts[].owners, review.branches, statusFile,
rules["contract-review"].`,

  check(input) {
    return reviewGateFindings(input, 'contract-review');
  },
};
