// check: run the rules that may apply, apply severity from config (rules/severity.ts), drop
// skipped rules.
import type { Finding } from '../types.js';
import type { RuleInput } from '../rules/rule.js';
import { applySeverity, severityFor } from '../rules/severity.js';
import { RULES, type RuleEntry } from '../rules/registry.js';
import type { Skip } from './parseSkip.js';

/**
 * @param only  the rules that judge the change (all when absent); what collection found
 *   (`input.collected`) is reported by its rule whatever `only` says
 */
export async function runRules(input: RuleInput, skip: Skip, only?: readonly string[]): Promise<Finding[]> {
  if (skip.all) return [];
  const runs = RULES.flatMap((e) => {
    if (skip.rules.includes(e.id)) return [];
    const judges = (!only || only.includes(e.id)) && (!e.mayApply || e.mayApply(allFiles(input)));
    const reports = input.collected !== undefined && e.collects === true;
    return judges || reports ? [{ entry: e, judges, reports }] : [];
  });
  const results = await Promise.all(runs.map((r) => runOne(r.entry, input, r.judges, r.reports)));
  return results.flat();
}

async function runOne(entry: RuleEntry, input: RuleInput, judges: boolean, reports: boolean): Promise<Finding[]> {
  const rule = await entry.load();
  const level = severityFor(rule, input.config, input);
  if (level === 'off') return [];
  const raw = [...(reports && rule.collected ? rule.collected(input) : []), ...(judges ? await rule.check(input) : [])];
  return raw.map((f) => applySeverity(f, level));
}

function allFiles(input: RuleInput) {
  return input.range && input.range !== input.changes
    ? [...input.changes.files, ...input.range.files]
    : input.changes.files;
}
