// The three-way merge of WORK_STATUS.md by meaning (the merge driver's pure part).
//
// Each side is cut in two: its items (rows of lock and review tables, Log entries, the records
// of released sections; see statusItems) and a skeleton, the rest of the text with a slot line
// where each run of items was. The skeletons go through git's line merge (injected as
// `mergeProse`), so prose conflicts only where both sides changed the same prose; the items are
// merged as sets and written back into the merged skeleton's slots:
// - lock and review rows: three-way, by key (mergeItemSets), a removal on either side wins;
// - released-section rows and bullets: three-way, by text;
// - Log entries: the union of both sides, in time order (unionLogEntries), except the oldest
//   entries a side archived (removed from the start of the Log).
// Locks written as bullets, LOCK lines or key: value blocks in a lock section are prose here:
// both sides adding one at the same place is a conflict, as in a plain git merge.
import { mergeItemSets } from './mergeItemSets.js';
import { statusItems, type ItemGroup, type ItemKind, type StatusItem, type StatusItems } from './statusItems.js';
import { unionLogEntries } from './unionLogEntries.js';

export interface MergeResult {
  text: string;
  /** Conflict hunks left in `text` (only ever from prose both sides changed). */
  conflicts: number;
}

/** git's line merge of three texts (`git merge-file -p`): its output and how many conflicts it left. */
export type MergeProse = (base: string, ours: string, theirs: string) => MergeResult | Promise<MergeResult>;

export async function mergeStatus(
  base: string,
  ours: string,
  theirs: string,
  mergeProse: MergeProse,
): Promise<MergeResult> {
  const sides = [statusItems(base), statusItems(ours), statusItems(theirs)] as const;
  const [b, o, t] = sides;
  matchAllGroups(b, o, t);
  const marker = slotMarker([base, ours, theirs]);

  // A group nobody changed stays in the skeleton as it is: the line merge keeps it byte for byte.
  const untouched = new Set<string>();
  for (const g of o.groups) {
    const text = itemsText(g);
    if (sameGroup(b, g.id, text) && sameGroup(t, g.id, text)) untouched.add(g.id);
  }

  const skeletons = [base, ours, theirs].map((text, i) => skeleton(text, sides[i], untouched, marker));
  const prose = await mergeProse(skeletons[0], skeletons[1], skeletons[2]);

  const items = (s: StatusItems, kind: ItemKind) => s.groups.filter((g) => g.kind === kind).flatMap((g) => g.items);
  // An entry of base that ours still has, only no longer as an entry (its section no longer
  // reads as a Log, or it went into a comment): it is there already, the union must not add it.
  const baseLog = new Set(items(b, 'log').map((e) => e.key));
  const oursLines = new Set(o.lines.map((l) => l.trimEnd()));
  const keptAsProse = (e: StatusItem) => baseLog.has(e.key) && e.lines.every((l) => oursLines.has(l.trimEnd()));
  // The oldest entries of base that a side no longer has were archived there (moved to the
  // archive file, as log.maxEntries does): the union does not bring them back into the Log.
  const archived = new Set([
    ...archivedPrefix(items(b, 'log'), items(o, 'log')),
    ...archivedPrefix(items(b, 'log'), items(t, 'log')),
  ]);
  const merged = [
    ...mergeItemSets(items(b, 'lock'), items(o, 'lock'), items(t, 'lock'), preferLock),
    ...mergeItemSets(items(b, 'review'), items(o, 'review'), items(t, 'review'), preferReview),
    ...mergeItemSets(items(b, 'history'), items(o, 'history'), items(t, 'history'), () => 0),
    ...unionLogEntries(
      items(o, 'log').filter((e) => !archived.has(e.key)),
      items(t, 'log').filter((e) => !archived.has(e.key) && !keptAsProse(e)),
    ),
  ];

  const frames = new Map<string, string[]>();
  for (const s of [t, o]) for (const g of s.groups) frames.set(g.id, g.frame);
  const filled = fill(prose.text, merged, untouched, marker, frames, detectCr(ours));
  // Skeletons all end with a line break (a slot may be the last line); whether the result does
  // is merged like any other change: ours, unless only theirs changed it.
  const ends = [base, ours, theirs].map((x) => x === '' || x.endsWith('\n'));
  const finalEol = ends[1] === ends[0] ? ends[2] : ends[1];
  return {
    text: finalEol ? filled : filled.replace(detectCr(ours) ? /\r?\n$/ : /\n$/, ''),
    conflicts: prose.conflicts,
  };
}

/**
 * Gives each group of base and theirs the id of the group of ours it corresponds to: the one
 * sharing most of its rows, else the next one with the same heading and header. A group ours
 * lacks gets an id of its own, shared by base and theirs when they both have it. A table only
 * one side reads as a lock table (or that moved) must not pull another table's rows.
 */
function matchAllGroups(b: StatusItems, o: StatusItems, t: StatusItems): void {
  const ids = new Map<ItemGroup, string>();
  for (const [g, h] of [...matchGroups(b.groups, o.groups), ...matchGroups(t.groups, o.groups)]) ids.set(g, h.id);
  const baseOnly = b.groups.filter((g) => !ids.has(g));
  baseOnly.forEach((g, k) => {
    ids.set(g, `${g.kind} b${k}`);
  });
  const theirsOnly = t.groups.filter((g) => !ids.has(g));
  const shared = matchGroups(theirsOnly, baseOnly);
  theirsOnly.forEach((g, k) => {
    const h = shared.get(g);
    ids.set(g, h ? ids.get(h)! : `${g.kind} t${k}`);
  });
  for (const [g, id] of ids) {
    g.id = id;
    for (const i of g.items) i.group = id;
  }
}

/** Pairs each group with one of `refs`, each at most once. */
function matchGroups(groups: ItemGroup[], refs: ItemGroup[]): Map<ItemGroup, ItemGroup> {
  const found = new Map<ItemGroup, ItemGroup>();
  const taken = new Set<ItemGroup>();
  const pairs: Array<{ g: ItemGroup; h: ItemGroup; score: number }> = [];
  for (const h of refs) {
    const keys = new Set(h.items.map((i) => i.key));
    for (const g of groups) {
      if (h.kind !== g.kind) continue;
      // Rows that name a path count more than placeholder rows, which many tables share.
      const score = g.items.reduce((n, i) => n + (keys.has(i.key) ? (i.key.startsWith('\u0001') ? 1 : 4) : 0), 0);
      if (score > 0) pairs.push({ g, h, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  for (const { g, h } of pairs) {
    if (found.has(g) || taken.has(h)) continue;
    found.set(g, h);
    taken.add(h);
  }
  for (const g of groups) {
    if (found.has(g)) continue;
    const like = refs.find((h) => h.kind === g.kind && !taken.has(h) && h.frame.join('\n') === g.frame.join('\n'));
    if (!like) continue;
    found.set(g, like);
    taken.add(like);
  }
  return found;
}

/** Keys of the entries at the start of base's log that `side` no longer has. */
function archivedPrefix(base: StatusItem[], side: StatusItem[]): string[] {
  const has = new Set(side.map((e) => e.key));
  const out: string[] = [];
  for (const e of base) {
    if (has.has(e.key)) break;
    out.push(e.key);
  }
  return out;
}

/** Both sides changed the same lock row: the later Since wins, then the later Expires, then ours. */
function preferLock(o: StatusItem, t: StatusItem): number {
  return compare(o.time, t.time) || compare(o.rank, t.rank);
}

/** Both sides changed the same review: the more advanced state wins (a decision over a request), then the later At, then ours. */
function preferReview(o: StatusItem, t: StatusItem): number {
  return compare(o.rank, t.rank) || compare(o.time, t.time);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const itemsText = (g: ItemGroup) => g.items.map((i) => i.lines.join('\n')).join('\n');

function sameGroup(s: StatusItems, id: string, text: string): boolean {
  const g = s.groups.find((x) => x.id === id);
  return g !== undefined && itemsText(g) === text;
}

/** A slot line no input contains, so a slot can never be confused with text. */
function slotMarker(texts: string[]): string {
  for (let n = 0; ; n++) {
    const m = `@@orch-merge-slot-${n}@@`;
    if (!texts.some((x) => x.includes(m))) return m;
  }
}

function detectCr(text: string): boolean {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13;
}

interface Lines {
  /** Without the LF; a CR stays on its line so every line comes back byte for byte. */
  lines: string[];
  finalEol: boolean;
}

function split(text: string): Lines {
  if (text === '') return { lines: [], finalEol: true };
  const lines = text.split('\n');
  const finalEol = text.endsWith('\n');
  if (finalEol) lines.pop();
  return { lines, finalEol };
}

function join(l: Lines): string {
  return l.lines.length === 0 ? '' : l.lines.join('\n') + (l.finalEol ? '\n' : '');
}

function skeleton(text: string, s: StatusItems, untouched: Set<string>, marker: string): string {
  const src = split(text);
  const cr = detectCr(text) ? '\r' : '';
  if (!src.finalEol) src.lines[src.lines.length - 1] += cr;
  const drop = new Set<number>();
  const slots = new Map<number, string[]>();
  for (const g of s.groups) {
    if (untouched.has(g.id)) continue;
    for (const i of g.itemLines) drop.add(i);
    g.runs.forEach((line, r) => {
      const at = slots.get(line) ?? [];
      at.push(`${marker} ${g.id}.${r}${cr}`);
      slots.set(line, at);
    });
  }
  const out: string[] = [];
  for (let i = 0; i <= src.lines.length; i++) {
    const at = slots.get(i);
    if (at) out.push(...at);
    if (i < src.lines.length && !drop.has(i)) out.push(src.lines[i]);
  }
  return join({ lines: out, finalEol: true });
}

function fill(
  text: string,
  merged: StatusItem[],
  untouched: Set<string>,
  marker: string,
  frames: Map<string, string[]>,
  oursCr: boolean,
): string {
  const src = split(text);
  const slot = new RegExp(`^${marker} (((lock|review|log|history) [bt]?\\d+)\\.\\d+)(\\r?)$`);
  // Which slots the merged skeleton has, first occurrence each (a conflict hunk may repeat one),
  // the first of each group and the last of each kind.
  const present = new Map<string, number>();
  const firstOfGroup = new Map<string, number>();
  const lastOfKind = new Map<string, number>();
  src.lines.forEach((line, i) => {
    const m = line.startsWith(marker) ? slot.exec(line) : null;
    if (!m || present.has(m[1])) return;
    present.set(m[1], i);
    if (!firstOfGroup.has(m[2])) firstOfGroup.set(m[2], i);
    lastOfKind.set(m[3], i);
  });

  // An item goes where its side had it: ours' items in ours' runs, theirs' newcomers in theirs'
  // (a group's runs have the same slot names on every side).
  const into = new Map<number, StatusItem[]>();
  const place = (line: number, item: StatusItem) => {
    const list = into.get(line) ?? [];
    list.push(item);
    into.set(line, list);
  };
  const seen = new Set(src.lines.map((l) => l.trimEnd()));
  const lost: StatusItem[] = [];
  for (const item of merged) {
    if (untouched.has(item.group)) continue;
    const line = present.get(`${item.group}.${item.run}`);
    if (line === undefined) {
      lost.push(item);
      continue;
    }
    place(line, item);
    for (const l of item.lines) seen.add(l.trimEnd());
  }
  // The merge dropped the slot. When one side turned the group into something else (its table
  // or section no longer reads as one), rows already in the text stay where they are there.
  // Otherwise (one side deleted the table) the rows go to the group's first run, else the last
  // group of their kind, else back at the end under the group's own heading: none is lost.
  const homeless = new Map<string, StatusItem[]>();
  for (const item of lost) {
    if (item.lines.every((l) => seen.has(l.trimEnd()))) continue;
    const line = firstOfGroup.get(item.group) ?? lastOfKind.get(item.kind);
    if (line !== undefined) {
      place(line, item);
      continue;
    }
    const list = homeless.get(item.group) ?? [];
    list.push(item);
    homeless.set(item.group, list);
  }
  if (lost.length > 0) {
    const order = new Map(merged.map((item, i) => [item, i]));
    for (const list of into.values()) list.sort((x, y) => order.get(x)! - order.get(y)!);
  }

  const out: string[] = [];
  src.lines.forEach((line, i) => {
    const m = line.startsWith(marker) ? slot.exec(line) : null;
    if (!m) {
      out.push(line);
      return;
    }
    const cr = m[4];
    for (const item of into.get(i) ?? []) for (const l of item.lines) out.push(l + cr);
  });
  const result: Lines = { lines: out, finalEol: src.finalEol };
  if (homeless.size > 0) {
    const cr = oursCr ? '\r' : '';
    const tail: string[] = [];
    for (const [id, list] of homeless) {
      tail.push('', ...(frames.get(id) ?? []));
      for (const item of list) tail.push(...item.lines);
    }
    if (out.length === 0 || out[out.length - 1].replace(/\r$/, '') === '') tail.shift();
    result.lines.push(...tail.map((l) => l + cr));
    result.finalEol = true;
  }
  return join(result);
}
