// report: print a Report in the chosen format and give its exit code. Human output goes to
// stderr (git shows a hook's stderr; stdout stays clean for pipes), machine formats to stdout.
import fs from 'node:fs';
import type { Report } from '../report/report.js';
import { pickFormat } from '../report/pickFormat.js';
import { useColor } from '../report/useColor.js';
import { exitCodeFor } from '../report/exitCodeFor.js';
import { formatHuman } from '../report/formatHuman.js';
import { orchInvocation, withInvocation } from '../report/orchInvocation.js';
import { formatJson } from '../report/formatJson.js';
import { formatGithub } from '../report/formatGithub.js';
import { formatSarif } from '../report/formatSarif.js';
import { RULES } from '../rules/registry.js';
import type { IO } from './io.js';

export async function emitReport(shown: Report, io: IO, formatFlag?: string): Promise<0 | 1> {
  const format = pickFormat({ flag: formatFlag, env: io.env });
  // people and agents at a shell run the fixes as printed; CI formats are read on a web page
  const report = format === 'human' || format === 'json' ? runnableFixes(shown, io.env) : shown;
  if (format === 'human') {
    io.stderr.write(formatHuman(report, { color: useColor(io.stderr, io.env), orch: orchInvocation(io.env) }));
  } else if (format === 'json') {
    io.stdout.write(formatJson(report));
  } else if (format === 'github') {
    const out = formatGithub(report, { summaryTable: Boolean(io.env.GITHUB_STEP_SUMMARY) });
    io.stdout.write(out.stdout);
    if (out.summary && io.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(io.env.GITHUB_STEP_SUMMARY, out.summary);
  } else {
    const rules = await Promise.all(RULES.map((r) => r.load()));
    io.stdout.write(
      formatSarif(
        report,
        rules.map((r) => ({ id: r.id, summary: r.summary, docs: r.docs, severity: r.defaultSeverity(report.context) })),
        { toolVersion: version() },
      ),
    );
  }
  return exitCodeFor(report);
}

/** Fix lines and messages in the form of `orch` that runs where the user is. */
function runnableFixes(report: Report, env: NodeJS.ProcessEnv): Report {
  if (!report.findings.length && !report.notes?.length) return report;
  const inv = orchInvocation(env);
  if (inv === 'orch') return report;
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ...f,
      message: withInvocation(f.message, inv),
      ...(f.fix ? { fix: withInvocation(f.fix, inv) } : {}),
    })),
    notes: report.notes?.map((n) => withInvocation(n, inv)),
  };
}

declare const ORCH_VERSION: string;
export function version(): string {
  return typeof ORCH_VERSION === 'string' ? ORCH_VERSION : '0.0.0-dev';
}
