// For people and agents at a hook: each finding says what, where and the next step;
// nothing at all is printed when everything passes.
import type { Context, Finding } from '../types.js';
import { countLine } from './countLine.js';
import { escapeControls } from './escapeControls.js';
import type { Report } from './report.js';

// Plain SGR codes, each closed by its own reset so nothing bleeds into the next span.
const RED = ['\u001b[31m', '\u001b[39m'] as const;
const YELLOW = ['\u001b[33m', '\u001b[39m'] as const;
const CYAN = ['\u001b[36m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;

// Only contexts where the person or agent can retry the same git command locally.
const RETRY: Partial<Record<Context, string>> = {
  'pre-commit': 'git commit …',
  'pre-push': 'git push …',
};

type Style = readonly [string, string];
type Paint = (style: Style, text: string) => string;

/**
 * @param orch  how the user runs orch (`orch`, or `npx orch` for a local install)
 */
export function formatHuman(report: Report, { color, orch = 'orch' }: { color: boolean; orch?: string }): string {
  const paint: Paint = (style, text) => (color ? style[0] + text + style[1] : text);
  const out: string[] = [];

  // Errors first: with many warnings the reason a commit is blocked must not scroll away.
  const ordered = [
    ...report.findings.filter((f) => f.severity === 'error'),
    ...report.findings.filter((f) => f.severity !== 'error'),
  ];
  for (const f of ordered) {
    out.push(header(f, paint));
    for (const line of escapeControls(f.message, true).split('\n')) out.push(`  ${line}`);
    // a fix of several lines (commands, or steps) is printed as lines, under its arrow
    if (f.fix) {
      const lines = escapeControls(f.fix, true).split('\n');
      lines.forEach((line, i) => {
        out.push(`  ${paint(CYAN, `${i === 0 ? '→' : ' '} ${line}`)}`);
      });
    }
    out.push('');
  }

  for (const note of report.notes ?? []) out.push(`orch: ${escapeControls(note)}`);
  if (report.skipped?.all) {
    out.push(paint(YELLOW, 'orch: all rules skipped (ORCH_SKIP=1) — skipping is recorded.'));
  } else if (report.skipped && report.skipped.rules.length > 0) {
    out.push(
      paint(
        YELLOW,
        `orch: skipped ${report.skipped.rules.map((r) => escapeControls(r)).join(', ')} (ORCH_SKIP) — skipping is recorded.`,
      ),
    );
  }

  const verdict = countLine(report);
  if (verdict) {
    const blocking = unique(ordered.filter((f) => f.severity === 'error').map((f) => f.rule));
    out.push(blocking.length > 0 ? paint(BOLD, paint(RED, verdict)) : paint(YELLOW, verdict));
    if (blocking.length > 0) {
      const retry = RETRY[report.context];
      if (retry) out.push(`  To skip deliberately (skipping is recorded): ORCH_SKIP=${blocking.join(',')} ${retry}`);
      out.push(`  More: ${blocking.map((r) => `${orch} explain ${r}`).join(' · ')}`);
    }
  }

  // Drop the blank separator after the last finding when nothing follows it.
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function header(f: Finding, p: Paint): string {
  const mark = f.severity === 'error' ? p(RED, '✖ error') : p(YELLOW, '⚠ warning');
  const parts = [mark, p(BOLD, f.rule)];
  if (f.path !== null) parts.push(escapeControls(f.path) + (f.line !== undefined ? `:${f.line}` : ''));
  if (f.commit) parts.push(p(DIM, `(commit ${f.commit.slice(0, 7)})`));
  return parts.join(' ');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
