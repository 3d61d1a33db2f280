import type { Lock } from '../types.js';
import { applyEdits, deleteLines, replaceInLine, type TextEdit } from './applyEdits.js';
import { rewriteList } from './rewriteList.js';
import { scanStatus, type ListRegion, type LockRecord, type ScanLock } from './scanStatus.js';

export interface RemoveLocksResult {
  text: string;
  /** The locks taken out, as they were read (line numbers of the original text). */
  removed: Lock[];
  /** Every lock still in the new text, read again; a matching lock that could not be cut out stays here. */
  kept: Lock[];
}

/**
 * Deletes exactly the lines of the locks `predicate` picks. When a line lists several paths and
 * only some go, only that path list is rewritten, its separators kept as written.
 */
export function removeLocks(text: string, predicate: (lock: Lock) => boolean): RemoveLocksResult {
  const scan = scanStatus(text);
  const tl = scan.structure.tl;
  const matched = new Set<ScanLock>(scan.locks.filter((l) => predicate(l.lock)));
  if (matched.size === 0) return { text, removed: [], kept: scan.locks.map((l) => l.lock) };

  const byRecord = new Map<LockRecord, ScanLock[]>();
  for (const l of scan.locks) {
    const list = byRecord.get(l.record);
    if (list) list.push(l);
    else byRecord.set(l.record, [l]);
  }
  const deleted = new Set<number>();
  const edits: TextEdit[] = [];
  const removed: Lock[] = [];
  const isBlank = (i: number) => i >= 0 && i < tl.lines.length && tl.lines[i].trim() === '';

  for (const [record, all] of byRecord) {
    const hits = all.filter((l) => matched.has(l));
    if (hits.length === 0) continue;
    if (hits.length === all.length) {
      for (let i = record.start; i <= record.end; i++) deleted.add(i);
      // A block between blank lines takes one of them along, so no double gap is left.
      if (record.kind === 'block' && (record.start === 0 || isBlank(record.start - 1)) && isBlank(record.end + 1))
        deleted.add(record.end + 1);
      removed.push(...hits.map((l) => l.lock));
      continue;
    }
    const byRegion = new Map<ListRegion, Set<number>>();
    for (const l of hits) {
      const drop = byRegion.get(l.region) ?? new Set<number>();
      drop.add(l.segment);
      byRegion.set(l.region, drop);
    }
    for (const [region, drop] of byRegion) {
      const left = region.list.segments.filter((s, k) => s.path !== null && !drop.has(k));
      const regionHits = hits.filter((l) => l.region === region);
      if (left.length === 0) {
        if (region.itemLine) {
          deleted.add(region.line);
          removed.push(...regionHits.map((l) => l.lock));
        }
        continue;
      }
      const segs = region.list.segments;
      const line = tl.lines[region.line];
      const listText = line.slice(region.start, region.end);
      const from = region.start + segs[0].start;
      const to = region.start + segs[segs.length - 1].end;
      edits.push(replaceInLine(tl, region.line, from, to, rewriteList(listText, region.list, drop).slice(0)));
      removed.push(...regionHits.map((l) => l.lock));
    }
  }

  const sorted = [...deleted].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; ) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    edits.push(deleteLines(tl, sorted[k], sorted[j]));
    k = j + 1;
  }
  const out = applyEdits(text, edits);
  return { text: out, removed, kept: scanStatus(out).locks.map((l) => l.lock) };
}
