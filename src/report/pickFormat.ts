import { OrchError } from '../errors.js';
import type { Env } from './useColor.js';

export const REPORT_FORMATS = ['human', 'json', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `--format` beats `ORCH_FORMAT`; neither means human. An empty ORCH_FORMAT counts as
 * unset (CI templates often export empty variables); an empty `--format` does not.
 */
export function pickFormat({ flag, env }: { flag?: string; env: Env }): ReportFormat {
  let source: string;
  let raw: string;
  if (flag !== undefined) {
    source = '--format';
    raw = flag;
  } else if (env.ORCH_FORMAT !== undefined && env.ORCH_FORMAT.trim() !== '') {
    source = 'ORCH_FORMAT';
    raw = env.ORCH_FORMAT;
  } else {
    return 'human';
  }
  const value = raw.trim().toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new OrchError(
    `${source}: unknown format ${JSON.stringify(raw)}; expected one of ${REPORT_FORMATS.join(', ')}.`,
    {
      hint: `Use ${source === '--format' ? '--format ' : 'ORCH_FORMAT='}${REPORT_FORMATS.join('|')}.`,
    },
  );
}
