// The locks that bind one commit of a range: the target's, its first parent's, and the
// committer's own as the commit leaves them (README: "The gate").
import type { Identity, Lock, StatusDoc } from '../types.js';
import { sameAgent } from '../identity/resolveIdentity.js';

/**
 * The locks binding a commit: the target's (at the base) and those at its first parent —
 * a commit cannot free a file by deleting another agent's lock in the same commit. The
 * committer's own locks as the commit leaves them count too: locking a contract and
 * changing it in one commit is how an owner works (what pre-commit saw as well).
 */
export function bindingStatus(base: StatusDoc, parent: StatusDoc, own: StatusDoc, who: Identity): StatusDoc {
  // a commit that leaves the table as its parent had it adds no lock of its own
  const mine = own === parent || own === base ? [] : own.locks.filter((l) => sameAgent(l.agent, who.name));
  if (parent === base && mine.length === 0) return asBinding(base);
  const seen = new Set<string>();
  const locks: Lock[] = [];
  for (const l of [...base.locks, ...parent.locks, ...mine]) {
    const key = `${l.path}\0${l.agent.toLowerCase()}\0${l.task ?? ''}\0${l.expires ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locks.push(l);
  }
  return { locks, reviews: parent.reviews, problems: [], steals: [] };
}

/** One binding object per table: rules that index its locks then do it once per table, not per commit. */
const bindings = new WeakMap<StatusDoc, StatusDoc>();
function asBinding(doc: StatusDoc): StatusDoc {
  let b = bindings.get(doc);
  if (!b) bindings.set(doc, (b = { ...doc, problems: [] }));
  return b;
}

/**
 * Remote mode: the lock branch's table binds in place of the rows committed to the status
 * file (a view of it, possibly stale); the committer's own locks as the commit leaves
 * them still count for the owner rules.
 */
export function sharedBinding(shared: StatusDoc, parent: StatusDoc, own: StatusDoc, who: Identity): StatusDoc {
  const mine = own.locks.filter((l) => sameAgent(l.agent, who.name));
  return {
    locks: mine.length ? [...shared.locks, ...mine] : shared.locks,
    reviews: parent.reviews,
    problems: [],
    steals: [],
  };
}
