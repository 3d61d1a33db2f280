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

/** Where one object's bytes go as they arrive. */
export interface BodyReceiver {
  write(chunk: Buffer): void;
  /** All the object's bytes arrived: what its `body` is. */
  end(): Buffer;
}

export interface CatFileHeader {
  sha: string;
  type: string;
  size: number;
}

/** The default receiver: the bytes, copied once into a buffer of the object's size. */
export function collectBody(size: number): BodyReceiver {
  const body = Buffer.allocUnsafe(size);
  let filled = 0;
  return {
    write(chunk) {
      chunk.copy(body, filled);
      filled += chunk.length;
    },
    end: () => body,
  };
}

export class CatFileBatchStream {
  private answered = 0;
  /** Header bytes that arrived without their newline yet. */
  private partial: Buffer[] = [];
  private object: { header: CatFileHeader; receiver: BodyReceiver; received: number } | null = null;
  /** The newline git writes after each object's bytes is still to come. */
  private separator = false;

  /**
   * `onObject(i, object)` for the i-th request, in order; null for a missing object.
   * `receiverFor` may take an object's bytes itself (compare them, keep a part) instead of
   * having them collected into its `body`.
   */
  constructor(
    private readonly count: number,
    private readonly onObject: (index: number, object: CatFileObject | null) => void,
    private readonly receiverFor: (index: number, header: CatFileHeader) => BodyReceiver = (_, h) =>
      collectBody(h.size),
  ) {}

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.answered < this.count) {
      if (this.object) {
        const o = this.object;
        const n = Math.min(o.header.size - o.received, chunk.length - pos);
        o.receiver.write(chunk.subarray(pos, pos + n));
        o.received += n;
        pos += n;
        if (o.received === o.header.size) this.complete();
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
      const line = this.partial.length
        ? Buffer.concat([...this.partial, chunk.subarray(pos, nl)])
        : chunk.subarray(pos, nl);
      this.partial = [];
      pos = nl + 1;
      const m = HEADER.exec(line.toString('utf8'));
      if (!m) {
        this.onObject(this.answered++, null);
        continue;
      }
      const header = { sha: m[1], type: m[2], size: Number(m[3]) };
      this.object = { header, receiver: this.receiverFor(this.answered, header), received: 0 };
      if (header.size === 0) this.complete();
    }
  }

  /** The output ended: requests git did not answer get null. */
  end(): void {
    this.object = null;
    while (this.answered < this.count) this.onObject(this.answered++, null);
  }

  private complete(): void {
    const { header, receiver } = this.object!;
    this.object = null;
    this.separator = true;
    this.onObject(this.answered++, { sha: header.sha, type: header.type, body: receiver.end() });
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
