import { classifyHeading, type HeadingClass } from './classifyHeading.js';
import { parseHeading } from './parseHeading.js';
import { splitLines, type TextLines } from './splitLines.js';

export type SectionKind = 'active' | 'released' | 'reviews' | 'log' | 'other' | 'none';

export interface HeadingInfo {
  /** 0-based line index. */
  line: number;
  level: number;
  text: string;
  /** What the heading's own words say. */
  own: HeadingClass;
  /** What the section holds, after inheriting from enclosing headings. */
  kind: SectionKind;
}

/** A run of lines between two headings (or the document's start and its first heading). */
export interface Section {
  /** The heading's index in `headings`, -1 for the lines before the first heading. */
  heading: number;
  kind: SectionKind;
  /** First content line (0-based) and the line after the last. */
  start: number;
  end: number;
}

export const HIDDEN_FRONT_MATTER = 1;
export const HIDDEN_FENCE = 2;
export const HIDDEN_COMMENT = 3;

export interface Structure {
  text: string;
  tl: TextLines;
  /** Per line: 0 visible, else why it is hidden (front matter, code fence, HTML comment). */
  hidden: Uint8Array;
  /** Lines with an inline HTML comment: the line with the comment blanked (same length). */
  visible: Map<number, string>;
  headings: HeadingInfo[];
  sections: Section[];
  /** Line of a code fence that is never closed (everything after it is code), else -1. */
  unclosedFence: number;
  /** The line that closes a fence or comment still open at the end of the text, else null. */
  openAtEnd: string | null;
}

const MAX_LINE = 20_000;
const TEMPLATE_HEADING = /\b(templates?|examples?|samples?)\b/i;

/**
 * One cheap pass over every line: front matter, code fences, HTML comments and headings.
 * Nothing else is parsed here, so the Log section costs a character check per line.
 */
export function scanStructure(text: string): Structure {
  const tl = splitLines(text);
  const { lines } = tl;
  const n = lines.length;
  const hidden = new Uint8Array(n);
  const visible = new Map<number, string>();
  const headings: HeadingInfo[] = [];
  // `template`: under a "Template" or "Example" heading, where nothing is a lock, however deep.
  const stack: Array<{ level: number; kind: SectionKind; template: boolean }> = [];
  let i = 0;

  if (n > 0 && /^---\s*$/.test(lines[0])) {
    let close = -1;
    for (let k = 1; k < n; k++) {
      if (/^(---|\.\.\.)\s*$/.test(lines[k])) {
        close = k;
        break;
      }
    }
    if (close > 0) {
      for (let k = 0; k <= close; k++) hidden[k] = HIDDEN_FRONT_MATTER;
      i = close + 1;
    }
  }

  // "## Active Locks" with nothing under it, then "## T-12 …" siblings: the empty heading labels them.
  let label: { level: number; kind: SectionKind } | null = null;
  let previous: { level: number; own: HeadingClass; kind: SectionKind } | null = null;
  let sawContent = false;
  let fenceChar = '';
  let fenceLen = 0;
  let fenceLine = -1;
  let inComment = false;
  for (; i < n; i++) {
    const line = lines[i];
    if (fenceLen > 0) {
      hidden[i] = HIDDEN_FENCE;
      if (isFenceClose(line, fenceChar, fenceLen)) fenceLen = 0;
      continue;
    }
    if (inComment || line.includes('<!--')) {
      const r = blankComments(line, inComment);
      inComment = r.inComment;
      if (r.line === null) {
        hidden[i] = HIDDEN_COMMENT;
        continue;
      }
      visible.set(i, r.line);
      if (!r.line.trim()) {
        hidden[i] = HIDDEN_COMMENT;
        continue;
      }
    }
    const view = visible.get(i) ?? line;
    const first = firstNonSpace(view);
    if (first === '`' || first === '~') {
      const open = fenceOpen(view);
      if (open) {
        fenceChar = open.char;
        fenceLen = open.len;
        fenceLine = i;
        hidden[i] = HIDDEN_FENCE;
        continue;
      }
    }
    if ((first === '#' || first === '*' || first === '_') && view.length < MAX_LINE) {
      const h = parseHeading(view);
      if (h && (h.level < 7 || !view.includes('|'))) {
        while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
        const own = classifyHeading(h.text);
        const parent = stack.length > 0 ? stack[stack.length - 1].kind : 'none';
        if (label && (h.level < label.level || (h.level === label.level && own !== 'unknown'))) label = null;
        if (
          !label &&
          own === 'unknown' &&
          previous &&
          previous.own !== 'unknown' &&
          !sawContent &&
          previous.level === h.level
        ) {
          label = { level: h.level, kind: previous.kind };
        }
        // A deeper heading with no lock words ("### Backend") belongs to its parent's kind.
        const template = (stack.length > 0 && stack[stack.length - 1].template) || TEMPLATE_HEADING.test(h.text);
        const kind: SectionKind = template
          ? 'other'
          : own !== 'unknown'
            ? own
            : label && label.level === h.level
              ? label.kind
              : parent;
        stack.push({ level: h.level, kind, template });
        headings.push({ line: i, level: h.level, text: h.text, own, kind });
        previous = { level: h.level, own, kind };
        sawContent = false;
        continue;
      }
    }
    if (!sawContent && view.trim()) sawContent = true;
  }

  const sections: Section[] = [];
  let startLine = 0;
  while (startLine < n && hidden[startLine] === HIDDEN_FRONT_MATTER) startLine++;
  const firstHeading = headings.length > 0 ? headings[0].line : n;
  if (firstHeading > startLine) sections.push({ heading: -1, kind: 'none', start: startLine, end: firstHeading });
  for (let k = 0; k < headings.length; k++) {
    const end = k + 1 < headings.length ? headings[k + 1].line : n;
    sections.push({ heading: k, kind: headings[k].kind, start: headings[k].line + 1, end });
  }
  const openAtEnd = fenceLen > 0 ? fenceChar.repeat(fenceLen) : inComment ? '-->' : null;
  return { text, tl, hidden, visible, headings, sections, unclosedFence: fenceLen > 0 ? fenceLine : -1, openAtEnd };
}

function firstNonSpace(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== ' ' && c !== '\t') return c;
  }
  return '';
}

// Fences are recognised at any indentation: examples inside list items are still examples.
function fenceOpen(line: string): { char: string; len: number } | null {
  const m = /^[ \t]*(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return null;
  if (m[1][0] === '`' && m[2].includes('`')) return null;
  return { char: m[1][0], len: m[1].length };
}

function isFenceClose(line: string, char: string, len: number): boolean {
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1][0] === char && m[1].length >= len;
}

/** Blanks `<!-- … -->` parts with spaces (offsets stay valid); null when the whole line is comment. */
function blankComments(line: string, inComment: boolean): { line: string | null; inComment: boolean } {
  let out = '';
  let pos = 0;
  let any = false;
  while (pos <= line.length) {
    if (inComment) {
      const close = line.indexOf('-->', pos);
      if (close === -1) {
        out += ' '.repeat(line.length - pos);
        pos = line.length + 1;
        break;
      }
      out += ' '.repeat(close + 3 - pos);
      pos = close + 3;
      inComment = false;
    } else {
      const open = line.indexOf('<!--', pos);
      if (open === -1) {
        out += line.slice(pos);
        if (line.slice(pos).trim()) any = true;
        break;
      }
      if (line.slice(pos, open).trim()) any = true;
      out += line.slice(pos, open) + '    ';
      pos = open + 4;
      inComment = true;
    }
  }
  return { line: any ? out : null, inComment };
}

/** Line index just past the section that starts at heading `k`: the next heading of the same or a higher level. */
export function sectionEnd(s: Structure, k: number): number {
  const level = s.headings[k].level;
  for (let j = k + 1; j < s.headings.length; j++) if (s.headings[j].level <= level) return s.headings[j].line;
  return s.tl.lines.length;
}

export type { HeadingClass };
