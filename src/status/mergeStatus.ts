// The three-way merge of WORK_STATUS.md by meaning (the merge driver's pure part).
//
// Each side is cut in two: its keyed items (lock rows, review rows, Log entries; see
// statusItems) and a skeleton, the rest of the text with one slot line where each group of
// items was. The skeletons go through git's line merge (injected as `mergeProse`), so prose
// conflicts only where both sides changed the same prose; the items are merged as sets and
// written back into the merged skeleton's slots. Rows the scanner does not read as table rows
// (bullets, LOCK lines, key: value blocks) are prose here.
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

const KINDS: ItemKind[] = ['lock', 'review', 'log'];

export async function mergeStatus(base: string, ours: string, theirs: string, mergeProse: MergeProse): Promise<MergeResult> {
  const sides = [statusItems(base), statusItems(ours), statusItems(theirs)] as const;
  const [b, o, t] = sides;
  const marker = slotMarker([base, ours, theirs]);

  // A group nobody changed stays in the skeleton as it is: the line merge keeps it byte for byte.
  const untouched = new Set<string>();
  for (const g of o.groups) {
    const id = groupId(g);
    const text = itemsText(g);
    if (sameGroup(b, g.kind, g.ordinal, text) && sameGroup(t, g.kind, g.ordinal, text)) untouched.add(id);
  }

  const skeletons = [base, ours, theirs].map((text, i) => skeleton(text, sides[i], untouched, marker));
  const prose = await mergeProse(skeletons[0], skeletons[1], skeletons[2]);

  const items = (s: StatusItems, kind: ItemKind) => s.groups.filter((g) => g.kind === kind).flatMap((g) => g.items);
  const merged = new Map<ItemKind, StatusItem[]>();
  merged.set('lock', mergeItemSets(items(b, 'lock'), items(o, 'lock'), items(t, 'lock'), preferLock));
  merged.set('review', mergeItemSets(items(b, 'review'), items(o, 'review'), items(t, 'review'), preferReview));
  merged.set('log', unionLogEntries(items(o, 'log'), items(t, 'log')));

  const frames = new Map<string, string[]>();
  for (const s of [t, o]) for (const g of s.groups) frames.set(groupId(g), g.frame);
  return { text: fill(prose.text, merged, untouched, marker, frames, detectCr(ours)), conflicts: prose.conflicts };
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

const groupId = (g: { kind: ItemKind; ordinal: number }) => `${g.kind} ${g.ordinal}`;
const itemsText = (g: ItemGroup) => g.items.map((i) => i.lines.join('\n')).join('\n');

function sameGroup(s: StatusItems, kind: ItemKind, ordinal: number, text: string): boolean {
  const g = s.groups.find((x) => x.kind === kind && x.ordinal === ordinal);
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
  const drop = new Set<number>();
  const slots = new Map<number, string[]>();
  for (const g of s.groups) {
    if (untouched.has(groupId(g))) continue;
    for (const i of g.itemLines) drop.add(i);
    const at = slots.get(g.slot) ?? [];
    at.push(`${marker} ${groupId(g)}${cr}`);
    slots.set(g.slot, at);
  }
  const out: string[] = [];
  for (let i = 0; i <= src.lines.length; i++) {
    const at = slots.get(i);
    if (at) out.push(...at);
    if (i < src.lines.length && !drop.has(i)) out.push(src.lines[i]);
  }
  return join({ lines: out, finalEol: src.finalEol });
}

function fill(
  text: string,
  merged: Map<ItemKind, StatusItem[]>,
  untouched: Set<string>,
  marker: string,
  frames: Map<string, string[]>,
  oursCr: boolean,
): string {
  const src = split(text);
  const slot = new RegExp(`^${marker} (lock|review|log) (\\d+)(\\r?)$`);
  // Which slots the merged skeleton has, first occurrence each (a conflict hunk may repeat one).
  const present = new Map<string, number>();
  src.lines.forEach((line, i) => {
    const m = line.startsWith(marker) ? slot.exec(line) : null;
    if (m && !present.has(`${m[1]} ${m[2]}`)) present.set(`${m[1]} ${m[2]}`, i);
  });

  const into = new Map<number, StatusItem[]>();
  const homeless = new Map<string, StatusItem[]>();
  for (const kind of KINDS) {
    const last = [...present.keys()].filter((k) => k.startsWith(kind + ' ')).sort((x, y) => +x.split(' ')[1] - +y.split(' ')[1]).pop();
    for (const item of merged.get(kind) ?? []) {
      const id = groupId({ kind, ordinal: item.group });
      if (untouched.has(id)) continue;
      // A group the other side dropped: its rows go to the last group of their kind, else to a new one at the end.
      const target = present.has(id) ? id : last;
      if (target === undefined) {
        const list = homeless.get(id) ?? [];
        list.push(item);
        homeless.set(id, list);
        continue;
      }
      const line = present.get(target)!;
      const list = into.get(line) ?? [];
      list.push(item);
      into.set(line, list);
    }
  }

  const out: string[] = [];
  src.lines.forEach((line, i) => {
    const m = line.startsWith(marker) ? slot.exec(line) : null;
    if (!m) return void out.push(line);
    const cr = m[3];
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
    if (out.length > 0 && out[out.length - 1].replace(/\r$/, '') === '') tail.shift();
    result.lines.push(...tail.map((l) => l + cr));
    result.finalEol = true;
  }
  return join(result);
}
