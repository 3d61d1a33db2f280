import { globMatcher } from '../match/globMatcher.js';
import { reviewStateFor } from '../compose/reviewStateFor.js';
import { reviewTargets } from '../compose/reviewTargets.js';
import { shellQuote } from '../shellQuote.js';
import type { RawFinding, Severity } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

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
A path that already has an open request for the same content gets no second row.

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

Config: review.reviewer, review.paths, review.branches, statusFile,
rules["container-review"].`,

  async check(input) {
    if (input.context === 'pre-commit') return [];
    const changes = input.range ?? input.changes;
    const { review } = input.config;
    const targets = reviewTargets(changes.files, review, { ignoreCase: input.ignoreCase });
    if (targets.length === 0) return [];
    const severity: Severity = input.context === 'check' || !onProtectedBranch(input) ? 'warning' : 'error';
    const contents = await Promise.all(targets.map((t) => (t.deleted ? Promise.resolve(null) : changes.read(t.path, 'new'))));
    const reviewer = review.reviewer;
    const findings: RawFinding[] = [];
    const where = input.branch ? ` on ${input.branch}` : '';
    targets.forEach((t, i) => {
      const verdict = reviewStateFor(input.status.reviews, t.path, reviewer, contents[i], { ignoreCase: input.ignoreCase });
      if (verdict.state === 'approved') return;
      const q = shellQuote(t.path);
      const approve = `${reviewer} runs: orch review approve ${q}`;
      const what = t.deleted ? `${t.path} (deleted)` : t.path;
      let message: string;
      let fix: string;
      switch (verdict.state) {
        case 'none':
          message = `${what} changed${where} and has no review by ${reviewer}. Ask ${reviewer} for a review.`;
          fix = `orch review request ${q}   (then ${approve})`;
          break;
        case 'requested':
          message = `${what} awaits review by ${reviewer}${verdict.row.requestedBy ? ` (requested by ${verdict.row.requestedBy}${verdict.row.at ? ` at ${verdict.row.at}` : ''})` : ''}.`;
          fix = approve;
          break;
        case 'rejected':
          message = `${what} was rejected by ${reviewer}${verdict.row.at ? ` at ${verdict.row.at}` : ''}. Address the review and ask again.`;
          fix = `orch review request ${q}   (then ${approve})`;
          break;
        case 'void':
          message = `${what} changed after ${reviewer} approved it${verdict.row.at ? ` at ${verdict.row.at}` : ''}: the approval covers an earlier version. It needs a new approval.`;
          fix = `orch review request ${q}   (then ${approve})`;
          break;
      }
      findings.push({ rule: 'container-review', severity, path: t.path, message, fix });
    });
    return findings;
  },
};

/** Whether the branch is one where unapproved container changes block (review.branches). */
export function onProtectedBranch(input: Pick<RuleInput, 'branch' | 'defaultBranch' | 'config'>): boolean {
  const { branch, defaultBranch } = input;
  // An unknown branch gets the strict answer: the gate must not open for want of a name.
  if (!branch) return true;
  const patterns = input.config.review.branches;
  const defaults = defaultBranch ? [defaultBranch] : ['main', 'master'];
  if (patterns.includes('@default') && defaults.includes(branch)) return true;
  return globMatcher(patterns.filter((p) => p !== '@default'))(branch);
}
