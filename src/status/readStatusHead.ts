// The status file as the lock rules need it, without its Log: in an orch repository
// every commit appends a Log line, so a range of a thousand commits holds a thousand
// different status files that differ only there. Reading them without the trailing Log
// section makes each read small and lets identical heads share one parse (ARCHITECTURE.md, "Performance invariants":
// never parse all of the log per commit).
import { classifyHeading } from './classifyHeading.js';
import { parseHeading } from './parseHeading.js';
import { readStatus } from './readStatus.js';
import { cachedParse } from './statusParseCache.js';
import type { Lock, Review, StatusDoc, StatusProblem } from '../types.js';
import { conflictSides, mayHaveConflict, type ConflictSides } from './conflictSides.js';

const FENCE = /^\s*(```|~~~)/;

/**
 * What readStatus gives for the text, with the Log section cut off when it is the last
 * section (no heading and no code fence after it); locks, reviews and problems are the
 * same as for the whole text, and their line numbers too.
 */
export function statusHead(text: string): string {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    // only a line that starts (after up to three spaces) with # * _ ` ~ can be a heading or fence
    if (mayOpenSection(text, start, end)) {
      const line = text.slice(start, end).replace(/\r$/, '');
      if (FENCE.test(line)) return text;
      const heading = parseHeading(line);
      if (heading) return classifyHeading(heading.text) === 'log' ? text.slice(0, start) : text;
    }
    end = start - 1;
  }
  return text;
}

/**
 * Whether the line text[start, end) could be a heading or a code fence: only a line that
 * starts (after up to three spaces) with # * _ ` ~ or more white space can be one. Lines
 * that cannot are Log entries whatever else they hold.
 */
export function mayOpenSection(text: string, start = 0, end = text.length): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 35 || c === 42 || c === 95 || c === 96 || c === 126 || c === 32 || c === 9;
}

const cache = new Map<string, StatusDoc>();

/** readStatus of the head of the text, parsed once per distinct head. */
export function readStatusHead(text: string, source: string): StatusDoc {
  return readStatusVersion(text, source).doc;
}

/**
 * readStatusHead, and whether the Log was cut off as the last section: then lines that
 * cannot open a section, appended to the text, leave the result as it is.
 */
export function readStatusVersion(text: string, source: string): { doc: StatusDoc; logLast: boolean } {
  const sides = mayHaveConflict(text) ? conflictSides(text) : null;
  // appended lines may close a conflict, so a conflicted version is never logLast
  if (sides) return { doc: readConflicted(sides, source), logLast: false };
  return readPlain(text, source);
}

function readPlain(text: string, source: string): { doc: StatusDoc; logLast: boolean } {
  const head = statusHead(text);
  const key = `${source}\0${head}`;
  let doc = cache.get(key);
  if (!doc) {
    doc = cachedParse(source, head, () => readStatus(head, { source }));
    if (cache.size > 1000) cache.clear();
    cache.set(key, doc);
  }
  return { doc, logLast: head.length < text.length };
}

/**
 * Every side of a file with conflict markers, read on its own: the locks and reviews of
 * all sides (each once, at its line in the whole file), and a problem at each marker.
 */
function readConflicted(conflict: ConflictSides, source: string): StatusDoc {
  const locks = new Map<string, Lock>();
  const reviews = new Map<string, Review>();
  const problems = new Map<string, StatusProblem>();
  for (const side of conflict.sides) {
    const doc = readPlain(side.text, source).doc;
    const at = (line: number) => side.lines[line - 1] ?? line;
    for (const l of doc.locks) {
      const key = [l.path, l.agent.toLowerCase(), l.task ?? '', l.since ?? '', l.expires ?? ''].join('\0');
      if (!locks.has(key)) locks.set(key, { ...l, line: at(l.line) });
    }
    for (const r of doc.reviews) {
      const key = [
        r.path,
        r.requestedBy.toLowerCase(),
        r.reviewer.toLowerCase(),
        r.state,
        r.at ?? '',
        r.blob ?? '',
      ].join('\0');
      if (!reviews.has(key)) reviews.set(key, { ...r, line: at(r.line) });
    }
    for (const p of doc.problems) {
      const q = { ...p, line: at(p.line) };
      problems.set(`${q.line}\0${q.message}`, q);
    }
  }
  const marked: StatusProblem[] = conflict.markers.map((line) => ({
    line,
    message: CONFLICT_PROBLEM,
    text: '<<<<<<<',
  }));
  return {
    locks: [...locks.values()],
    reviews: [...reviews.values()],
    problems: [...marked, ...problems.values()],
    steals: [],
  };
}

export const CONFLICT_PROBLEM =
  'unresolved merge conflict: until the markers are gone the locks of both sides bind; keep the rows of both sides and delete the marker lines, or merge it by rows with git checkout -m -- <file>';
