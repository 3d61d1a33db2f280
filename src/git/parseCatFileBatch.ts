// `git cat-file --batch` output of any object type: "<sha> <type> <size>\n<bytes>\n" per
// object found, "<spec> missing\n" (or "ambiguous") per object not found.
//
// Read as a stream: each object's bytes are copied once, into a buffer of exactly its
// size, and handed over as soon as they are complete — a range's thousand status files
// (hundreds of MB in all) never sit in memory together, and are never concatenated.

export interface CatFileObject {
  sha: string;
  type: string;
  body: Buffer;
}

const HEADER = /^([0-9a-f]{40,64}) (\w+) (\d+)$/;

export class CatFileBatchStream {
  private answered = 0;
  /** Header bytes that arrived without their newline yet. */
  private partial: Buffer[] = [];
  private object: { sha: string; type: string; body: Buffer; filled: number } | null = null;
  /** The newline git writes after each object's bytes is still to come. */
  private separator = false;

  /** `onObject(i, object)` for the i-th request, in order; null for a missing object. */
  constructor(
    private readonly count: number,
    private readonly onObject: (index: number, object: CatFileObject | null) => void,
  ) {}

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.answered < this.count) {
      if (this.object) {
        const o = this.object;
        const n = Math.min(o.body.length - o.filled, chunk.length - pos);
        chunk.copy(o.body, o.filled, pos, pos + n);
        o.filled += n;
        pos += n;
        if (o.filled === o.body.length) this.complete();
        continue;
      }
      if (this.separator) {
        this.separator = false;
        pos++;
        continue;
      }
      const nl = chunk.indexOf(0x0a, pos);
      if (nl === -1) {
        this.partial.push(Buffer.from(chunk.subarray(pos)));
        return;
      }
      const line = this.partial.length ? Buffer.concat([...this.partial, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl);
      this.partial = [];
      pos = nl + 1;
      const m = HEADER.exec(line.toString('utf8'));
      if (!m) {
        this.onObject(this.answered++, null);
        continue;
      }
      this.object = { sha: m[1], type: m[2], body: Buffer.allocUnsafe(Number(m[3])), filled: 0 };
      if (this.object.body.length === 0) this.complete();
    }
  }

  /** The output ended: requests git did not answer get null. */
  end(): void {
    this.object = null;
    while (this.answered < this.count) this.onObject(this.answered++, null);
  }

  private complete(): void {
    const { sha, type, body } = this.object!;
    this.object = null;
    this.separator = true;
    this.onObject(this.answered++, { sha, type, body });
  }
}

/** The whole output at once (small batches: a lock branch commit, one index entry). */
export function parseCatFileBatch(out: Buffer, count: number): (CatFileObject | null)[] {
  const results: (CatFileObject | null)[] = new Array(count).fill(null);
  const stream = new CatFileBatchStream(count, (i, o) => (results[i] = o));
  stream.push(out);
  stream.end();
  return results;
}
