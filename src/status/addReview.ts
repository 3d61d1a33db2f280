import type { Review, ReviewState } from '../types.js';
import { applyEdits, insertAfterLine } from './applyEdits.js';
import { REVIEWS_HEADING, REVIEW_HEADER, REVIEW_SEPARATOR } from './canonical.js';
import type { ReviewRole } from './mapColumns.js';
import { placeTable } from './placeTable.js';
import { renderCells } from './renderCells.js';
import { scanStatus, type TableInfo } from './scanStatus.js';

/** A review row to write: a Review without the line it will have. */
export type NewReview = Omit<Review, 'line'>;

/** Adds one row to the Reviews table; creates the canonical `## Reviews` table (before `## Log`) when there is none. */
export function addReview(text: string, review: NewReview): string {
  const scan = scanStatus(text);
  const table = scan.tables.find((t) => t.kind === 'reviews' && t.reviewTable);
  if (table) return applyEdits(text, [insertAfterLine(scan.structure.tl, table.last, [renderReviewRow(table, review)])]);
  const row = renderCells([reviewPath(review.path, false), review.requestedBy, review.reviewer, stateText(review.state, review.blob, review.note), review.at], '', true, true);
  return applyEdits(text, [placeTable(scan, 'reviews', REVIEWS_HEADING, [REVIEW_HEADER, REVIEW_SEPARATOR, row], ['log'])]);
}

export function stateText(state: ReviewState, blob?: string, note?: string): string {
  const detail = [blob ? `blob ${blob}` : '', note ? noteText(note) : ''].filter(Boolean).join('; ');
  return detail ? `${state} (${detail})` : state;
}

/**
 * A note as a State cell may hold it: one line, no pipes or brackets, and no word the
 * State cell reads as a verdict (see reviewState), so a note never changes the state.
 */
function noteText(note: string): string {
  return note
    .replace(/[|()\r\n`]+/g, ' ')
    .replace(/reject|changes requested|declin|denied|approv|lgtm|accepted/gi, '…')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export function reviewPath(path: string, backticks: boolean): string {
  return (backticks || /[,;]|<br/i.test(path)) && !path.includes('`') ? '`' + path + '`' : path;
}

export function renderReviewRow(table: TableInfo, review: NewReview): string {
  const hasBlob = table.reviewRoles.includes('blob');
  const value = (role: ReviewRole | null): string | undefined => {
    switch (role) {
      case 'path':
        return reviewPath(review.path, table.backticks);
      case 'requestedBy':
        return review.requestedBy;
      case 'reviewer':
        return review.reviewer;
      case 'state':
        return stateText(review.state, hasBlob ? undefined : review.blob, review.note);
      case 'at':
        return review.at;
      case 'blob':
        return review.blob;
      default:
        return undefined;
    }
  };
  return renderCells(table.reviewRoles.map(value), table.indent, table.leadingPipe, table.trailingPipe);
}
