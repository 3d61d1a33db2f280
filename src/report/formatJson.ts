// The JSON report of the README's "Output formats", key for key: tests outside this repository parse it, so keys
// appear in the contract's order and optional keys are left out rather than set to null.
import type { Finding } from '../types.js';
import type { Report } from './report.js';

export function formatJson(report: Report): string {
  const out = {
    ok: report.ok,
    context: report.context,
    agent: report.agent,
    findings: report.findings.map(jsonFinding),
    // additions after the contract's keys, only when there is something to say: skipping
    // and range notes (commits made with ORCH_SKIP or without orch's trailer) stay visible
    ...(report.skipped && (report.skipped.all || report.skipped.rules.length) ? { skipped: report.skipped } : {}),
    ...(report.notes?.length ? { notes: report.notes } : {}),
  };
  return `${JSON.stringify(out)}\n`;
}

function jsonFinding(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = { rule: f.rule, severity: f.severity, path: f.path, message: f.message };
  if (f.holder !== undefined) o.holder = f.holder;
  if (f.fix !== undefined) o.fix = f.fix;
  if (f.commit !== undefined) o.commit = f.commit;
  if (f.line !== undefined) o.line = f.line;
  return o;
}
