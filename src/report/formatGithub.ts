// GitHub Actions workflow commands. GitHub shows at most 10 error and 10 warning
// annotations per step and drops the rest silently, so orch caps them itself and says
// how many more there are; the step summary carries every finding.
import type { Finding } from '../types.js';
import { countLine } from './countLine.js';
import type { Report } from './report.js';

const CAP = 10;

export function formatGithub(
  report: Report,
  { summaryTable = false }: { summaryTable?: boolean } = {},
): {
  stdout: string;
  summary?: string;
} {
  const lines: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  for (const f of report.findings) {
    if (shown[f.severity] >= CAP) {
      hidden[f.severity]++;
      continue;
    }
    shown[f.severity]++;
    lines.push(annotation(f));
  }
  if (hidden.error + hidden.warning > 0) {
    const more = [plural(hidden.error, 'error'), plural(hidden.warning, 'warning')].filter(Boolean).join(' and ');
    const where = summaryTable ? 'the step summary lists every finding' : 'run with --format json to see every finding';
    lines.push(
      `::notice title=orch::${escapeData(`${more} more not annotated (GitHub shows at most ${CAP} of each per step); ${where}.`)}`,
    );
  }
  if (report.skipped?.all) {
    lines.push(`::notice title=orch::${escapeData('All rules skipped (ORCH_SKIP=1).')}`);
  } else if (report.skipped && report.skipped.rules.length > 0) {
    lines.push(`::notice title=orch::${escapeData(`Rules skipped (ORCH_SKIP): ${report.skipped.rules.join(', ')}.`)}`);
  }
  for (const note of report.notes ?? []) lines.push(`::notice title=orch::${escapeData(note)}`);
  const verdict = countLine(report);
  // A plain log line, so the verdict is readable in the raw log as well.
  if (verdict) lines.push(verdict);

  const stdout = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  return summaryTable ? { stdout, summary: summaryMarkdown(report) } : { stdout };
}

function annotation(f: Finding): string {
  const props: string[] = [];
  if (f.path !== null) {
    props.push(`file=${escapeProperty(f.path)}`);
    if (f.line !== undefined) props.push(`line=${f.line}`);
  }
  const title = `orch ${f.rule}${f.commit ? ` (${f.commit.slice(0, 7)})` : ''}`;
  props.push(`title=${escapeProperty(title)}`);
  const message = f.fix ? `${f.message}\n→ ${f.fix}` : f.message;
  return `::${f.severity} ${props.join(',')}::${escapeData(message)}`;
}

// The escapes of @actions/core's command.ts: data escapes %, CR and LF; a property
// also escapes the ':' and ',' that would end it.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryMarkdown(report: Report): string {
  const verdict = countLine(report);
  if (!verdict) return '### orch: no findings\n';
  const rows = report.findings.map((f) => {
    const where = f.path === null ? '' : code(f.path + (f.line !== undefined ? `:${f.line}` : ''));
    const commit = f.commit ? code(f.commit.slice(0, 7)) : '';
    const fix = f.fix ? code(f.fix) : '';
    return `| ${f.severity} | ${code(f.rule)} | ${where} | ${commit} | ${cell(f.message)} | ${fix} |`;
  });
  return [
    `### ${cell(verdict)}`,
    '',
    '| Severity | Rule | Path | Commit | Message | Fix |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

// Table cells: a '|' would end the cell and raw HTML would render, so both are escaped;
// line breaks become <br> because a table row is one line.
function cell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

// A code span fenced with one more backtick than the longest run inside it, so paths
// and commands with backticks survive; '|' still needs its table escape inside a span.
function code(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
