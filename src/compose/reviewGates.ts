// Review gates: paths whose changes need an approval by named reviewers. The container
// gate (review.paths, reviewed by review.reviewer) is the default one; each contract group
// with consumers is another, reviewed by its consumers and requested by its owners' changes.
// The request, approval and voiding machinery is the same for all of them.
import type { Config } from '../config/schema.js';
import { sameAgent } from '../identity/sameAgent.js';
import { globMatcher } from '../match/globMatcher.js';

export type ReviewRuleId = 'container-review' | 'contract-review';

export interface ReviewGate {
  rule: ReviewRuleId;
  /** "container", or the contract group's name. */
  name: string;
  paths: readonly string[];
  /** Every one of them must approve the content. */
  reviewers: readonly string[];
  /** Whose changes record requests; absent: anyone's. */
  requestedBy?: readonly string[];
}

export type GateConfig = Pick<Config, 'review'> & Partial<Pick<Config, 'contracts'>>;

export function reviewGates(config: GateConfig, rules?: readonly ReviewRuleId[]): ReviewGate[] {
  const gates: ReviewGate[] = [
    { rule: 'container-review', name: 'container', paths: config.review.paths, reviewers: [config.review.reviewer] },
  ];
  for (const c of config.contracts ?? []) {
    if (!c.consumers || c.consumers.length === 0) continue;
    gates.push({
      rule: 'contract-review',
      name: c.name,
      paths: c.paths,
      reviewers: c.consumers,
      requestedBy: c.owners,
    });
  }
  return rules ? gates.filter((g) => rules.includes(g.rule)) : gates;
}

/** Whether `agent` may record requests through this gate. */
export function mayRequest(gate: ReviewGate, agent: string | null): boolean {
  return !gate.requestedBy || gate.requestedBy.some((o) => sameAgent(o, agent));
}

/** The gates whose paths cover `path`. */
export function gatesFor(
  gates: readonly ReviewGate[],
  path: string,
  options: { ignoreCase?: boolean } = {},
): ReviewGate[] {
  return gates.filter((g) => globMatcher(g.paths, options)(path));
}
