import type { Review, ReviewState } from '../types.js';
import { reviewPath, stateText } from './addReview.js';
import { applyEdits, insertAfterLine, replaceInLine, type TextEdit } from './applyEdits.js';
import { escapeCell } from './escapeCell.js';
import type { ReviewRole } from './mapColumns.js';
import { rewriteList } from './rewriteList.js';
import { scanStatus, type ScanReview } from './scanStatus.js';

/**
 * Sets State (and At, and Blob when given) of the reviews `predicate` picks, in place. When a
 * row lists several paths and only some are picked, those paths move to a new row just below.
 */
export function setReviewState(
  text: string,
  predicate: (review: Review) => boolean,
  state: ReviewState,
  at?: string,
  blob?: string,
): string {
  const scan = scanStatus(text);
  const tl = scan.structure.tl;
  const rows = new Map<number, ScanReview[]>();
  for (const r of scan.reviews) rows.set(r.line, [...(rows.get(r.line) ?? []), r]);
  const edits: TextEdit[] = [];
  for (const [line, all] of rows) {
    const hits = all.filter((r) => predicate(r.review));
    if (hits.length === 0) continue;
    const { table, cells, region } = all[0];
    const raw = tl.lines[line];
    const hasBlob = table.reviewRoles.includes('blob');
    const cellEdits = (path?: string): Array<[number, string]> => {
      const out: Array<[number, string]> = [];
      table.reviewRoles.forEach((role: ReviewRole | null, k) => {
        if (k >= cells.length) return;
        if (role === 'state') out.push([k, stateText(state, hasBlob ? undefined : blob)]);
        else if (role === 'at' && at !== undefined) out.push([k, at]);
        else if (role === 'blob' && blob !== undefined) out.push([k, blob]);
        else if (role === 'path' && path !== undefined) out.push([k, reviewPath(path, table.backticks)]);
      });
      return out;
    };
    if (hits.length === all.length) {
      for (const [k, v] of cellEdits())
        edits.push(replaceInLine(tl, line, cells[k].start, cells[k].end, ` ${escapeCell(v)} `));
      continue;
    }
    // Split the row: the picked paths leave this row and get one of their own.
    const drop = new Set(hits.map((h) => h.segment));
    const segs = region.list.segments;
    const listText = raw.slice(region.start, region.end);
    edits.push(
      replaceInLine(
        tl,
        line,
        region.start + segs[0].start,
        region.start + segs[segs.length - 1].end,
        rewriteList(listText, region.list, drop),
      ),
    );
    let copy = raw;
    const changes = cellEdits(hits.map((h) => h.review.path).join(', ')).sort(
      (a, b) => cells[b[0]].start - cells[a[0]].start,
    );
    for (const [k, v] of changes)
      copy = copy.slice(0, cells[k].start) + ` ${escapeCell(v)} ` + copy.slice(cells[k].end);
    edits.push(insertAfterLine(tl, line, [copy]));
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
