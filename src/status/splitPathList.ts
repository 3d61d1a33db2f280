import { isPlaceholder } from './isPlaceholder.js';
import { normalizeLockPath } from './normalizePath.js';
import { unquotePath } from './quotePath.js';
import { isTemplateSlot } from './readHolder.js';

export interface PathSegment {
  /** Offsets of the segment's raw text (trimmed) in the list text. */
  start: number;
  end: number;
  /** The path it names, normalised; null for a placeholder or an empty segment. */
  path: string | null;
  /** Set when the segment names a path that cannot be a lock path (it leaves the repository): why. */
  invalid?: string;
}

export interface PathList {
  segments: PathSegment[];
  /** `seps[i]` is the raw text between `segments[i]` and `segments[i + 1]` (", ", "<br>", "; "). */
  seps: string[];
}

const BR = /^<br\s*\/?>/i;
const NO_SEPS: string[] = [];

/**
 * Splits a cell or a line's path group on `,` `;` `<br>` (and whitespace or "and" between
 * backticked paths), never inside backticks or `{a,b}` globs. Brackets and parentheses are
 * path characters (Next.js routes: `app/(shop)/[id]/page.tsx`).
 */
export function splitPathList(text: string): PathList {
  const trimmed = text.trim();
  if (!/[`,;<{]/.test(text) || (trimmed.startsWith('"') && unquotePath(trimmed) !== null)) {
    // One plain path: the common cell.
    let a = 0;
    let b = text.length;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    return { segments: [segmentOf(text.slice(a, b), a, b)], seps: NO_SEPS };
  }
  const cuts: Array<[number, number]> = [];
  let inTick = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') {
      inTick = !inTick;
      if (!inTick) {
        // After a closing backtick: another backticked path may follow after spaces or "and".
        const m = /^(\s*(?:,|;|\band\b|&|\+)?\s*)`/.exec(text.slice(i + 1, i + 40));
        if (m && m[1].length > 0) {
          cuts.push([i + 1, i + 1 + m[1].length]);
          i += m[1].length;
        }
      }
      continue;
    }
    if (inTick) continue;
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (c === ',' || c === ';') cuts.push([i, i + 1]);
      else if (c === '<' && BR.test(text.slice(i, i + 8))) {
        const len = (BR.exec(text.slice(i, i + 8)) as RegExpExecArray)[0].length;
        cuts.push([i, i + len]);
        i += len - 1;
      }
    }
  }
  const segments: PathSegment[] = [];
  const seps: string[] = [];
  let from = 0;
  const bounds: Array<[number, number]> = [];
  for (const [a, b] of cuts) {
    bounds.push([from, a]);
    from = b;
  }
  bounds.push([from, text.length]);
  for (const [a0, b0] of bounds) {
    let a = a0;
    let b = b0;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (segments.length > 0) seps.push(text.slice(segments[segments.length - 1].end, a));
    segments.push(segmentOf(text.slice(a, b), a, b));
  }
  return { segments, seps };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 13 || c === 10;
}

function segmentOf(text: string, start: number, end: number): PathSegment {
  const r = readSegment(text);
  return typeof r === 'object' && r !== null ? { start, end, path: null, invalid: r.invalid } : { start, end, path: r };
}

/** The path a single segment names: a backticked span wins; otherwise the text minus decoration. */
export function pathOf(segment: string): string | null {
  const r = readSegment(segment);
  return typeof r === 'object' ? null : r;
}

function readSegment(segment: string): string | null | { invalid: string } {
  // `\|` is a table's escaped pipe, not a Windows separator.
  let s = segment.trim().replace(/\\\|/g, '|');
  if (!s) return null;
  // git's C-style quoting: "odd/line\nbreak.txt"
  const unquoted = s.charCodeAt(0) === 34 ? unquotePath(s) : null;
  if (unquoted !== null) return unquoted.replace(/^(\.\/)+/, '');
  const tick = s.includes('`') ? /`([^`]*)`/.exec(s) : null;
  if (tick) s = tick[1];
  else {
    let c = s.charCodeAt(0);
    if (c === 91) {
      const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(s);
      if (link) s = link[1];
      c = s.charCodeAt(0);
    }
    // Emphasis around a path, but not a glob's own `**` (`**/migrations/**`).
    if ((c === 42 || c === 95) && s.charCodeAt(1) === c) {
      const bold = /^(\*\*|__)(.+)\1$/.exec(s);
      if (bold && !bold[2].startsWith('/') && !bold[2].endsWith('/')) s = bold[2];
    }
    // A trailing aside after a space: "src/auth.ts (partial)". Route groups have no space before them.
    if (s.includes(' (')) s = s.replace(/\s+\([^()]*\)$/, '');
    if (c === 34 || c === 39) s = s.replace(/^["']([^"']+)["']$/, '$1');
    // A status emoji before the path: "🔒 src/api/".
    if (c >= 0x80) s = s.replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '');
  }
  if (isPlaceholder(s) || isTemplateSlot(s)) return null;
  const r = normalizeLockPath(s);
  if ('invalid' in r) return r;
  return r.path && !isPlaceholder(r.path) ? r.path : null;
}
