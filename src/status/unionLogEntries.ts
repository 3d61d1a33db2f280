import type { StatusItem } from './statusItems.js';

/**
 * Every entry of either side, once: ours' entries stay as they are, in their order; each entry
 * only theirs has goes after the last of ours' entries that is not later than it, so two logs
 * that are in time order merge in time order, ours first among entries of the same time.
 * An entry written twice on one side stays twice; one both sides have appears once.
 */
export function unionLogEntries(ours: StatusItem[], theirs: StatusItem[]): StatusItem[] {
  const have = new Set(ours.map((e) => e.key));
  const extra = theirs.filter((e) => !have.has(e.key));
  if (extra.length === 0) return ours;
  let sorted = true;
  for (let i = 1; i < ours.length && sorted; i++) if (ours[i].time < ours[i - 1].time) sorted = false;
  // Stable: theirs' own order decides among its entries of the same time.
  const incoming = extra
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.time < b.e.time ? -1 : a.e.time > b.e.time ? 1 : a.i - b.i));

  if (sorted) {
    const out: StatusItem[] = [];
    let k = 0;
    for (const e of ours) {
      while (k < incoming.length && incoming[k].e.time < e.time) out.push(incoming[k++].e);
      out.push(e);
    }
    while (k < incoming.length) out.push(incoming[k++].e);
    return out;
  }
  // Ours is out of order (written by hand): leave it so, and place each newcomer by time.
  const out = [...ours];
  for (const { e } of incoming) {
    let at = out.length;
    while (at > 0 && out[at - 1].time > e.time) at--;
    out.splice(at, 0, e);
  }
  return out;
}
