import type { Report } from './report.js';

/** README, "Exit codes": 1 when anything blocks; warnings alone never fail a commit or a build. */
export function exitCodeFor(report: Report): 0 | 1 {
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
