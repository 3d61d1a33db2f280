import type { Context } from '../types.js';
import type { Report } from './report.js';

const BLOCKED: Record<Context, string> = {
  'pre-commit': 'commit blocked',
  'pre-push': 'push blocked',
  'pre-receive': 'push rejected',
  ci: 'check failed',
  check: 'check failed',
};

/**
 * The one-line verdict shared by the human and GitHub formats ("orch: 2 errors,
 * 1 warning — commit blocked."); null when there is nothing to say.
 */
export function countLine(report: Report): string | null {
  let errors = 0;
  let warnings = 0;
  for (const f of report.findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  if (errors === 0 && warnings === 0) return null;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `orch: ${parts.join(', ')}${errors > 0 ? ` — ${BLOCKED[report.context]}` : ''}.`;
}
