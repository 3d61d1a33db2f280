import type { ReviewState } from '../types.js';

/** requested / approved / rejected from a State cell's words or emoji; null when it says none of them. */
export function reviewState(text: string): ReviewState | null {
  const s = text.toLowerCase();
  if (/reject|changes requested|declin|denied|\u274C|\u26D4|\u{1F6AB}/u.test(s)) return 'rejected';
  if (/approv|lgtm|accepted|\u2705|\u{1F44D}|\u2714/u.test(s)) return 'approved';
  if (/request|pending|waiting|awaiting|open|\u23F3|\u{1F550}|\u{1F7E1}|review/u.test(s)) return 'requested';
  return null;
}

/** A content hash recorded with an approval: a Blob column, or "approved (blob 1a2b3c4)" in the State cell. */
export function blobOf(text: string): string | undefined {
  const m =
    /\b(?:blob|sha)[\s:=@]*([0-9a-f]{7,64})\b/i.exec(text) ?? /^([0-9a-f]{7,64})$/i.exec(text.trim().replace(/`/g, ''));
  return m ? m[1] : undefined;
}
