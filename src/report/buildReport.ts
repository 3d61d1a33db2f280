// The one place a Report is made (ARCHITECTURE.md "The pipeline"): every context hands its
// findings here, so `ok`, what was skipped and the notes mean the same in every report.
import type { Context, Finding } from '../types.js';
import type { Report } from './report.js';

export interface ReportParts {
  context: Context;
  /** The committing agent; null when unknown or when several agents made the commits. */
  agent: string | null;
  findings: Finding[];
  /** What ORCH_SKIP switched off (shown only when it switched something off). */
  skip?: { all: boolean; rules: string[] };
  notes?: string[];
}

export function buildReport(parts: ReportParts): Report {
  const { context, agent, findings, skip, notes } = parts;
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    context,
    agent,
    findings,
    ...(skip && (skip.all || skip.rules.length) ? { skipped: { all: skip.all, rules: skip.rules } } : {}),
    ...(notes?.length ? { notes } : {}),
  };
}

/** The report with more findings (put first: what refused the push as a whole). */
export function withFindings(report: Report, findings: Finding[]): Report {
  if (findings.length === 0) return report;
  return buildReport({
    context: report.context,
    agent: report.agent,
    findings: [...findings, ...report.findings],
    skip: report.skipped,
    notes: report.notes,
  });
}

/** Each finding once: a commit reached through two ranges of one push is judged twice. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.commit ?? '', f.rule, f.path ?? '', f.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
