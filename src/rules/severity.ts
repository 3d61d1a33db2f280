// A finding's severity: the rule's level from `rules` (or its default for the context),
// applied the same way wherever rules run — the check (check/runRules.ts) and the edit
// guard (agent/guardCore.ts), which runs its two rules without loading the registry.
import type { Config } from '../config/schema.js';
import type { Finding, RawFinding, Severity } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

export function severityFor(rule: Rule, config: Config, input: Pick<RuleInput, 'context'>): Severity | 'off' {
  const configured = config.rules[rule.id as keyof Config['rules']];
  if (configured === 'off') return 'off';
  if (configured === 'warn' || configured === 'warning') return 'warning';
  if (configured === 'error') return 'error';
  return rule.defaultSeverity(input.context);
}

export function applySeverity(raw: RawFinding, level: Severity): Finding {
  // A rule may lower a finding (an expired lock warns); config may lower a whole rule.
  const severity: Severity = level === 'warning' ? 'warning' : (raw.severity ?? 'error');
  return { ...raw, severity };
}
