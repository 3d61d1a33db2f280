// Skipping stays visible: commits made with ORCH_SKIP (their Orch-Skip: trailer) and
// commits without an Agent: trailer (a person's, or one that never passed orch's hooks:
// --no-verify, a GUI client, a fresh worktree) are named in the report of a range. They are checked all the same.
import type { CommitInfo } from '../types.js';
import { agentTrailer } from '../identity/commitIdentity.js';

const SHOWN = 10;

export function rangeNotes(commits: CommitInfo[]): string[] {
  const notes: string[] = [];
  const skipped = commits.filter((c) => (c.trailers['orch-skip'] ?? []).some((v) => v.trim()));
  for (const c of skipped.slice(0, SHOWN)) {
    const what = c.trailers['orch-skip']
      .map((v) => v.trim())
      .filter(Boolean)
      .join(',');
    notes.push(`commit ${label(c)} was made with ORCH_SKIP=${what}; it was checked here all the same.`);
  }
  if (skipped.length > SHOWN) notes.push(`and ${skipped.length - SHOWN} more commits made with ORCH_SKIP.`);

  // merges never get trailers (commit-msg leaves "Merge …" messages alone)
  const bare = commits.filter((c) => c.parents.length < 2 && agentTrailer(c) === undefined);
  if (bare.length > 0) {
    const listed = bare.slice(0, SHOWN).map(label).join(', ');
    const more = bare.length > SHOWN ? ` and ${bare.length - SHOWN} more` : '';
    notes.push(
      `${bare.length === 1 ? '1 commit carries' : `${bare.length} commits carry`} no Agent: trailer (a person's, or made without orch's hooks, e.g. with --no-verify): ${listed}${more}; judged by author email.`,
    );
  }
  return notes;
}

/** `abc1234 "subject"`: how findings and notes name a commit. */
export function label(c: Pick<CommitInfo, 'sha' | 'subject'>): string {
  const subject = c.subject.length > 72 ? `${c.subject.slice(0, 71)}…` : c.subject;
  return `${c.sha.slice(0, 7)} "${subject}"`;
}
