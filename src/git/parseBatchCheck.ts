// `git cat-file --batch-check` answers one line per request: "<sha> <type> <size>" or
// "<request> missing" (also "ambiguous"); which of the requested objects exist.

/** One entry per requested line: the resolved sha, or null when git could not find it. */
export function parseBatchCheck(out: string, count: number): (string | null)[] {
  const lines = out.split('\n');
  const found: (string | null)[] = [];
  for (let n = 0; n < count; n++) {
    const m = /^([0-9a-f]{40,64}) \w+ \d+$/.exec(lines[n] ?? '');
    found.push(m ? m[1] : null);
  }
  return found;
}
