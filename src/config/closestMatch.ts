// "Did you mean": the candidate a misspelt name most likely meant, or undefined when
// nothing is close enough to be a useful suggestion.
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  // Case, dashes and underscores are the commonest slips (statusfile, status_file).
  const loose = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const wanted = loose(input);
  const same = candidates.find((c) => loose(c) === wanted);
  if (same !== undefined) return same;

  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  return bestDistance <= limit && bestDistance < input.length ? best : undefined;
}

// Optimal string alignment: a swap of two neighbours counts as one edit.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}
