// check: run the rules that may apply, apply severity from config, drop skipped rules.
import type { Finding, RawFinding, Severity, StatusDoc } from '../types.js';
import type { Config } from '../config/schema.js';
import type { Rule, RuleInput } from '../rules/rule.js';
import { RULES } from '../rules/registry.js';
import type { Skip } from './parseSkip.js';

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

export function statusParseFindings(status: StatusDoc, statusFile: string, config: Config): Finding[] {
  if (config.rules['status-parse'] === 'off') return [];
  const severity: Severity = config.rules['status-parse'] === 'error' ? 'error' : 'warning';
  return status.problems.map((p) => ({
    rule: 'status-parse' as const,
    severity,
    path: statusFile,
    line: p.line,
    message: `line ${p.line} of ${statusFile} could not be read as a lock: ${p.message} — "${p.text.trim().slice(0, 80)}"`,
    fix: `Rewrite the line as a row of the Locks table: | Path | Agent | Task | Since | Expires | Note |`,
  }));
}

export async function runRules(input: RuleInput, skip: Skip, only?: string[]): Promise<Finding[]> {
  if (skip.all) return [];
  const entries = RULES.filter(
    (e) => !skip.rules.includes(e.id) && (!only || only.includes(e.id)) && (!e.mayApply || e.mayApply(allFiles(input))),
  );
  const results = await Promise.all(
    entries.map(async (entry) => {
      const rule = await entry.load();
      const level = severityFor(rule, input.config, input);
      if (level === 'off') return [];
      const raw = await rule.check(input);
      return raw.map((f) => applySeverity(f, level));
    }),
  );
  return results.flat();
}

function allFiles(input: RuleInput) {
  return input.range && input.range !== input.changes
    ? [...input.changes.files, ...input.range.files]
    : input.changes.files;
}
