import { OrchError } from '../errors.js';
import type { Review, ReviewState } from '../types.js';
import { pathCell } from './pathCell.js';
import { readStatus } from './readStatus.js';
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
  const before = readStatus(text).reviews;
  const placed = placeReview(text, review);
  // A Reviews heading over a table of another shape takes the row into that table, where it
  // does not read as a review: then the row goes into a canonical Reviews table of its own.
  const out = readsBack(readStatus(placed).reviews, before, review) ? placed : ownReviewsTable(text, review);
  // What orch writes, orch reads back: the new row reads as this review, and no other row changed.
  const after = readStatus(out).reviews;
  // (a request's blob is kept in its State cell for people; only an approval's binds, and is read)
  const blob = (r: Pick<Review, 'blob' | 'state'>) => (r.state === 'approved' ? (r.blob ?? '') : '');
  const same = (r: Review) =>
    r.path === review.path &&
    r.reviewer === review.reviewer &&
    r.requestedBy === review.requestedBy &&
    r.state === review.state &&
    blob(r) === blob(review);
  if (after.length !== before.length + 1 || !after.some(same)) {
    throw new OrchError(
      `cannot record a review of ${JSON.stringify(review.path)}: the row would not read back as that review.`,
      {
        hint: 'Nothing was written. Rename the file to a plainer name, or record the review by hand.',
      },
    );
  }
  return out;
}

function readsBack(after: Review[], before: Review[], review: NewReview): boolean {
  return (
    after.length === before.length + 1 &&
    after.some((r) => r.path === review.path && r.reviewer === review.reviewer && r.state === review.state)
  );
}

/** A new canonical `## Reviews` section with the row, at the end of the file. */
function ownReviewsTable(text: string, review: NewReview): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text === '' || text.endsWith('\n') ? '' : eol;
  return (
    text + lead + ['', REVIEWS_HEADING, '', REVIEW_HEADER, REVIEW_SEPARATOR, canonicalReviewRow(review), ''].join(eol)
  );
}

function placeReview(text: string, review: NewReview): string {
  const scan = scanStatus(text);
  const table = scan.tables.find((t) => t.kind === 'reviews' && t.reviewTable);
  if (table)
    return applyEdits(text, [insertAfterLine(scan.structure.tl, table.last, [renderReviewRow(table, review)])]);
  return applyEdits(text, [
    placeTable(
      scan,
      'reviews',
      REVIEWS_HEADING,
      [REVIEW_HEADER, REVIEW_SEPARATOR, canonicalReviewRow(review)],
      ['log'],
    ),
  ]);
}

/** The row in the canonical Reviews table's columns. */
function canonicalReviewRow(review: NewReview): string {
  return renderCells(
    [
      reviewPath(review.path, false),
      review.requestedBy,
      review.reviewer,
      stateText(review.state, review.blob, review.note),
      review.at,
    ],
    '',
    true,
    true,
  );
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
  // The same forms as a lock's path; a path none of them carries is refused by addReview.
  return pathCell(path, backticks) ?? path;
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
