// Appends one decision record to the Decisions section of the orchestration index, and
// changes nothing else: the section is found outside code fences and HTML comments (a
// heading inside them is not a section), the record goes after the section's last
// non-blank line, and the file keeps its line endings.
import { detectEol } from './detectEol.js';

export interface DecisionRecord {
  title: string;
  context: string;
  decision: string;
  consequences?: string;
  agent: string;
  /** As written in the record, e.g. 2026-12-04T17:50Z. */
  at: string;
}

const DECISIONS = /^ {0,3}##[ \t]+(?:architectur(?:e|al)[ \t]+)?decisions?\b.*$/i;
const SECTION_END = /^ {0,3}#{1,2}[ \t]/;

/** One line of Markdown that cannot open a heading, a fence or a comment hiding what follows. */
export function inlineText(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/<!--/g, '&lt;!--')
    .replace(/\s+/g, ' ')
    .trim();
}

export function renderDecision(r: DecisionRecord): string[] {
  const lines = [
    `### ${r.at} — ${inlineText(r.title).replace(/^#+\s*/, '')}`,
    '',
    `- By: ${inlineText(r.agent)}`,
    `- Context: ${inlineText(r.context)}`,
    `- Decision: ${inlineText(r.decision)}`,
  ];
  if (r.consequences !== undefined) lines.push(`- Consequences: ${inlineText(r.consequences)}`);
  return lines;
}

export function appendDecision(text: string | null, decision: DecisionRecord): string {
  if (text === null || text === '')
    return ['# Orchestration index', '', '## Decisions', '', ...renderDecision(decision), ''].join('\n');
  const eol = detectEol(text);
  const lines = text.split(/\r?\n/);
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  const record = renderDecision(decision);
  const visible = visibleLines(lines);
  const start = lines.findIndex((l, i) => visible[i] && DECISIONS.test(l));
  if (start === -1) {
    const out = [...lines];
    while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
    out.push('', '## Decisions', '', ...record);
    return out.join(eol) + eol;
  }
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (visible[i] && SECTION_END.test(lines[i])) {
      end = i;
      break;
    }
  }
  let last = end - 1;
  while (last > start && lines[last].trim() === '') last--;
  const before = lines.slice(0, last + 1);
  const after = lines.slice(last + 1);
  // a blank line between the record and the heading that follows it
  if (after.length > 0 && after[0].trim() !== '') after.unshift('');
  return [...before, '', ...record, ...after].join(eol) + (trailingNewline ? eol : '');
}

/** Which lines are outside fenced code blocks and HTML comments. */
function visibleLines(lines: string[]): boolean[] {
  const out: boolean[] = [];
  let fence: string | null = null;
  let comment = false;
  for (const line of lines) {
    if (fence) {
      out.push(false);
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (comment) {
      out.push(false);
      if (line.includes('-->')) comment = false;
      continue;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      fence = f[1];
      out.push(false);
      continue;
    }
    const open = line.lastIndexOf('<!--');
    if (open !== -1 && line.indexOf('-->', open) === -1) {
      comment = true;
      out.push(!line.trimStart().startsWith('<!--'));
      continue;
    }
    out.push(true);
  }
  return out;
}
