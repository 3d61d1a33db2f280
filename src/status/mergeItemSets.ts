import type { StatusItem } from './statusItems.js';

/**
 * Three-way merge of keyed rows (locks, reviews, records of released sections). A row removed
 * on either side stays removed, even when the other side changed it: a released lock must not
 * come back. A row added on both sides is kept once. A row changed on one side takes that side's version; changed differently
 * on both (or added differently on both), `prefer` picks, ours when it returns 0.
 *
 * Order: ours' rows in ours' order; a row only theirs has goes after the row it follows in
 * theirs, past any rows only ours added there (so rows both sides appended come ours first).
 */
export function mergeItemSets(
  base: StatusItem[],
  ours: StatusItem[],
  theirs: StatusItem[],
  prefer: (ours: StatusItem, theirs: StatusItem) => number,
): StatusItem[] {
  const b = byKey(base);
  const o = byKey(ours);
  const t = byKey(theirs);
  const same = (x: StatusItem, y: StatusItem) => x.lines.join('\n') === y.lines.join('\n');
  const decide = (key: string): StatusItem | null => {
    const bi = b.get(key);
    const oi = o.get(key);
    const ti = t.get(key);
    if (oi && ti) {
      if (same(oi, ti)) return oi;
      if (bi && same(oi, bi)) return ti;
      if (bi && same(ti, bi)) return oi;
      return prefer(oi, ti) < 0 ? ti : oi;
    }
    if (bi) return null;
    return oi ?? ti ?? null;
  };

  // Merged items keep ours' group (where ours has the row), so placement follows ours.
  const result: Node[] = [];
  const nodes = new Map<string, Node>();
  for (const item of ours) {
    const chosen = decide(item.key);
    if (!chosen) continue;
    const node = { key: item.key, item: chosen === item ? item : { ...chosen, group: item.group, run: item.run } };
    result.push(node);
    nodes.set(item.key, node);
  }
  let anchor: Node | null = null;
  for (const item of theirs) {
    if (o.has(item.key)) {
      anchor = nodes.get(item.key) ?? anchor;
      continue;
    }
    const chosen = decide(item.key);
    if (!chosen) continue;
    // Positions are looked up only here: rows only theirs has are few.
    let pos = anchor ? result.indexOf(anchor) + 1 : 0;
    while (pos < result.length && !t.has(result[pos].key)) pos++;
    const node = { key: item.key, item: chosen };
    result.splice(pos, 0, node);
    anchor = node;
  }
  return result.map((r) => r.item);
}

interface Node {
  key: string;
  item: StatusItem;
}

function byKey(items: StatusItem[]): Map<string, StatusItem> {
  const m = new Map<string, StatusItem>();
  for (const i of items) m.set(i.key, i);
  return m;
}
