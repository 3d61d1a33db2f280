// What container-review and contract-review report, from one piece of machinery: each
// changed path of the rule's gates (judged over the whole range) needs the latest review
// row of every reviewer of the gate to be an approval of the content being pushed.
import { shellQuote } from '../shellQuote.js';
import type { ChangeSet, RawFinding, Severity } from '../types.js';
import type { RuleInput } from './rule.js';
import { onProtectedBranch } from './onProtectedBranch.js';
import { reviewGates, type ReviewRuleId } from '../compose/reviewGates.js';
import { reviewStateFor } from '../compose/reviewStateFor.js';
import { reviewTargets } from '../compose/reviewTargets.js';
import { lastCommitTouching } from '../compose/lastCommitTouching.js';

export async function reviewGateFindings(input: RuleInput, rule: ReviewRuleId): Promise<RawFinding[]> {
  if (input.context === 'pre-commit') return [];
  const changes: ChangeSet = input.range ?? input.changes;
  const gates = reviewGates(input.config, [rule]);
  const severity: Severity = input.context === 'check' || !onProtectedBranch(input) ? 'warning' : 'error';
  const where = input.branch ? ` on ${input.branch}` : '';
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const gate of gates) {
    const targets = reviewTargets(changes.files, gate, { ignoreCase: input.ignoreCase });
    if (targets.length === 0) continue;
    const contents = await Promise.all(
      targets.map((t) => (t.deleted ? Promise.resolve(null) : changes.read(t.path, 'new'))),
    );
    targets.forEach((t, i) => {
      for (const reviewer of gate.reviewers) {
        const key = `${t.path}\0${reviewer.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const verdict = reviewStateFor(input.status.reviews, t.path, reviewer, contents[i], {
          ignoreCase: input.ignoreCase,
        });
        if (verdict.state === 'approved') continue;
        const q = shellQuote(t.path);
        const approve = `${reviewer} runs: orch review approve ${q}`;
        const what = t.deleted ? `${t.path} (deleted)` : t.path;
        const about = gate.rule === 'contract-review' ? ` (a consumer of the "${gate.name}" contract)` : '';
        let message: string;
        let fix = `orch review request ${q}   (then ${approve})`;
        switch (verdict.state) {
          case 'none':
            message = `${what} changed${where} and has no review by ${reviewer}${about}. Ask ${reviewer} for a review.`;
            break;
          case 'requested':
            message = `${what} awaits review by ${reviewer}${about}${verdict.row.requestedBy ? ` (requested by ${verdict.row.requestedBy}${verdict.row.at ? ` at ${verdict.row.at}` : ''})` : ''}.`;
            fix = approve;
            break;
          case 'rejected':
            message = `${what} was rejected by ${reviewer}${verdict.row.at ? ` at ${verdict.row.at}` : ''}. Address the review and ask again.`;
            break;
          case 'void':
            message = `${what} changed after ${reviewer} approved it${verdict.row.at ? ` at ${verdict.row.at}` : ''}: the approval covers an earlier version. It needs a new approval.`;
            break;
        }
        const commit = lastCommitTouching(changes, t.path);
        findings.push({ rule, severity, path: t.path, ...(commit ? { commit } : {}), message, fix });
      }
    });
  }
  return findings;
}
