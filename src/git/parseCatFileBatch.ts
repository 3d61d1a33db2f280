// `git cat-file --batch` output of any object type: "<sha> <type> <size>\n<bytes>\n" per
// object found, "<spec> missing\n" (or "ambiguous") per object not found.

export interface CatFileObject {
  sha: string;
  type: string;
  body: Buffer;
}

export function parseCatFileBatch(out: Buffer, count: number): (CatFileObject | null)[] {
  const results: (CatFileObject | null)[] = [];
  let pos = 0;
  for (let n = 0; n < count; n++) {
    const nl = out.indexOf(0x0a, pos);
    if (nl === -1) {
      results.push(null);
      continue;
    }
    const header = out.subarray(pos, nl).toString('utf8');
    const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(header);
    if (!m) {
      results.push(null);
      pos = nl + 1;
      continue;
    }
    const size = Number(m[3]);
    results.push({ sha: m[1], type: m[2], body: Buffer.from(out.subarray(nl + 1, nl + 1 + size)) });
    pos = nl + 1 + size + 1;
  }
  return results;
}
