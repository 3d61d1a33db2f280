// A raw tree object (what `cat-file --batch` prints for a tree): entries of
// "<mode> <name>\0<raw object id>", the id 20 bytes for SHA-1 and 32 for SHA-256.

export interface TreeEntry {
  /** Octal as git writes it in trees: "100644", "40000", "120000", "160000". */
  mode: string;
  name: string;
  sha: string;
}

export function parseTreeObject(body: Buffer, idBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    const nul = body.indexOf(0x00, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + idBytes > body.length) break;
    entries.push({
      mode: body.subarray(pos, space).toString('utf8'),
      name: body.subarray(space + 1, nul).toString('utf8'),
      sha: body.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
    });
    pos = nul + 1 + idBytes;
  }
  return entries;
}
