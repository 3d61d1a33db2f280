// A status file that git left with conflict markers (a clone without orch's merge driver,
// a hand merge) holds two or three versions at once. Read as one text, a table row after
// a `<<<<<<<` line is no longer in a table and its lock silently stops binding. So the
// file is split into its sides and each side is read on its own: while the markers are
// there, the locks of every side bind (README: "Conflicts in the status file").

export interface ConflictSide {
  text: string;
  /** For each line of `text`, its 1-based line in the whole file. */
  lines: number[];
}

export interface ConflictSides {
  /** Ours, the merge base (diff3 style) and theirs: every line of the file outside the markers is in each. */
  sides: ConflictSide[];
  /** 1-based lines of the `<<<<<<<` markers. */
  markers: number[];
}

const OPEN = /^<{7,}(?:[ \t]|$)/;
const BASE = /^\|{7,}(?:[ \t]|$)/;
const MID = /^={7,}[ \t]*$/;
const CLOSE = /^>{7,}(?:[ \t]|$)/;

/** Whether the text may hold a conflict: a line that starts with seven `<`. */
export function mayHaveConflict(text: string): boolean {
  return text.startsWith('<<<<<<<') || text.includes('\n<<<<<<<');
}

/**
 * The sides of a text with conflict markers, or null when it has none. A conflict that is
 * never closed keeps the rest of the file on the side it was on; the base part of a
 * diff3-style conflict is a side too (its rows may be locks only one side released).
 */
export function conflictSides(text: string): ConflictSides | null {
  if (!mayHaveConflict(text)) return null;
  const raw = text.split('\n');
  const ours: string[] = [];
  const base: string[] = [];
  const theirs: string[] = [];
  const maps: number[][] = [[], [], []];
  const markers: number[] = [];
  let state: 'out' | 'ours' | 'base' | 'theirs' = 'out';
  const put = (side: 0 | 1 | 2, line: string, n: number) => {
    [ours, base, theirs][side].push(line);
    maps[side].push(n);
  };
  raw.forEach((line, i) => {
    const bare = line.replace(/\r$/, '');
    if (state === 'out' && OPEN.test(bare)) {
      state = 'ours';
      markers.push(i + 1);
      return;
    }
    if (state === 'ours' && BASE.test(bare)) {
      state = 'base';
      return;
    }
    if ((state === 'ours' || state === 'base') && MID.test(bare)) {
      state = 'theirs';
      return;
    }
    if (state === 'theirs' && CLOSE.test(bare)) {
      state = 'out';
      return;
    }
    if (state === 'out') {
      put(0, line, i + 1);
      put(1, line, i + 1);
      put(2, line, i + 1);
    } else put(state === 'ours' ? 0 : state === 'base' ? 1 : 2, line, i + 1);
  });
  if (markers.length === 0) return null;
  return {
    sides: [ours, base, theirs].map((lines, k) => ({ text: lines.join('\n'), lines: maps[k] })),
    markers,
  };
}
