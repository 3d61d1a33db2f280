// Which column holds what, from the header row's words. Tables people write name and order
// their columns freely: "Files Locked | Owner | Started | ETA", "Resource | Locked By | Since".
export type LockRole = 'path' | 'agent' | 'since' | 'sinceTime' | 'expires' | 'task' | 'note' | 'status';
export type ReviewRole = 'path' | 'requestedBy' | 'reviewer' | 'state' | 'at' | 'blob';

const LOCK_RULES: Array<[LockRole, RegExp]> = [
  ['status', /^(lock|current lock|lock state|locked\?|is locked)$|\b(status|state)\b/],
  [
    'agent',
    /\b(locked by|owner|owned by|agents?|holder|held by|who|assignee|assigned to|assigned|claimed by|by|worker|locker)\b/,
  ],
  ['path', /\b(files?|paths?|resources?|director(y|ies)|dirs?|folders?|globs?|patterns?|claims?|scope)\b/],
  ['expires', /\b(until|expires?|expiry|expiration|eta|deadline|due|expected release|release by|release at)\b/],
  [
    'since',
    /\b(locked at|locked on|since|started|start|date|time|acquired|timestamp|when|created|claimed at|locked|claimed)\b/,
  ],
  ['task', /\b(tasks?|tickets?|issues?|id|work item|story|pr|job)\b/],
  ['note', /\b(notes?|reasons?|purpose|description|comments?|details|why|what|summary|remarks)\b/],
];

const REVIEW_RULES: Array<[ReviewRole, RegExp]> = [
  ['state', /\b(state|status|result|decision|verdict)\b/],
  ['requestedBy', /\b(requested by|requester|requestor|author|requested|from|submitted by)\b/],
  ['reviewer', /\b(reviewers?|reviewed by|assigned to|to)\b/],
  ['path', /\b(files?|paths?|resources?|target)\b/],
  ['at', /\b(at|date|time|when|updated|since|timestamp)\b/],
  ['blob', /\b(blob|hash|sha|commit|digest)\b/],
];

export function normalizeHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^a-z0-9/?]+/g, ' ')
    .trim();
}

function map<R extends string>(cells: string[], rules: Array<[R, RegExp]>): Array<R | null> {
  const taken = new Set<string>();
  return cells.map((cell) => {
    const h = normalizeHeader(cell);
    for (const [role, re] of rules) {
      if (!re.test(h)) continue;
      if (!taken.has(role)) {
        taken.add(role);
        return role;
      }
      // "Date | Time" in two columns: the time completes the date.
      if (role === 'since' && h === 'time' && !taken.has('sinceTime')) {
        taken.add('sinceTime');
        return 'sinceTime' as R;
      }
      return null;
    }
    return null;
  });
}

export function mapLockColumns(cells: string[]): Array<LockRole | null> {
  return map(cells, LOCK_RULES);
}

export function mapReviewColumns(cells: string[]): Array<ReviewRole | null> {
  return map(cells, REVIEW_RULES);
}
