import type { Steal } from '../types.js';
import { parseStealEntry } from './parseStealEntry.js';
import { scanStructure, sectionEnd } from './scanStructure.js';

/** Steal records (`orch unlock --steal --reason`) from the Log section(s); nothing else is read. */
export function readSteals(text: string): Steal[] {
  const steals: Steal[] = [];
  try {
    const s = scanStructure(text);
    const lines = s.tl.lines;
    let covered = -1;
    s.headings.forEach((h, k) => {
      if (h.kind !== 'log' || h.line < covered) return;
      const end = sectionEnd(s, k);
      covered = end;
      for (let i = h.line + 1; i < end; i++) {
        if (s.hidden[i] || !lines[i].includes(' steal ')) continue;
        const steal = parseStealEntry(lines[i], i + 1);
        if (steal) steals.push(steal);
      }
    });
  } catch {
    return steals;
  }
  return steals;
}
