// Blobs that follow one another — a file's versions along a range, each usually the one
// before it plus lines at the end — read in one `git cat-file --batch`, without each
// becoming a buffer of its own: the bytes of a version are compared, as they arrive, with
// the version before it, and only what it appends is kept. A thousand copies of a 500 KB
// status file then cost one growing buffer and a thousand small tails, not 500 MB of
// allocations for the garbage collector.
import { collectBody, CatFileBatchStream, type BodyReceiver } from './parseCatFileBatch.js';
import { runGitStream, type GitOptions } from './runGit.js';

export type ChainLink =
  /** This version is the one before it (which ends with a newline, or is empty) plus `tail`. */
  | { tail: Buffer; size: number; binary: boolean }
  /** Anything else (and the first version): all of its bytes. */
  | { whole: Buffer }
  /** Missing, or not a blob. */
  | null;

const EMPTY: Buffer = Buffer.alloc(0);

export async function readAppendChain(specs: string[], git: GitOptions): Promise<ChainLink[]> {
  const links: ChainLink[] = new Array(specs.length).fill(null);
  // the current version's bytes are content[0, length); the buffer grows by doubling
  let content: Buffer = EMPTY;
  let length = -1;

  /** `bytes` with room for `upTo`, its first `valid` bytes kept. */
  const keep = (bytes: Buffer, upTo: number, valid: number) => {
    if (bytes.length >= upTo) return bytes;
    const grown = Buffer.allocUnsafe(Math.max(upTo, bytes.length * 2, 64 << 10));
    bytes.copy(grown, 0, 0, valid);
    return grown;
  };

  const receiverFor = (i: number, header: { type: string; size: number }): BodyReceiver => {
    if (header.type !== 'blob') return collectBody(header.size);
    const follows = i > 0 && links[i - 1] !== null && length >= 0;
    const appendable = follows && header.size >= length && (length === 0 || content[length - 1] === 0x0a);
    if (!appendable) return whole(i, header.size);
    const before = length;
    let pos = 0;
    let own: Buffer | null = null;
    return {
      write(chunk) {
        if (own) {
          chunk.copy(own, pos);
          pos += chunk.length;
          return;
        }
        const overlap = Math.max(0, Math.min(chunk.length, before - pos));
        if (overlap > 0 && content.compare(chunk, 0, overlap, pos, pos + overlap) !== 0) {
          // not an append after all: from here on, this version's own bytes
          own = Buffer.allocUnsafe(header.size);
          content.copy(own, 0, 0, pos);
          chunk.copy(own, pos);
          pos += chunk.length;
          return;
        }
        if (chunk.length > overlap) {
          content = keep(content, pos + chunk.length, pos + overlap);
          chunk.copy(content, pos + overlap, overlap);
        }
        pos += chunk.length;
      },
      end() {
        if (own) {
          links[i] = { whole: own };
          content = own;
        } else {
          links[i] = {
            tail: Buffer.from(content.subarray(before, header.size)),
            size: header.size,
            binary: content.subarray(0, Math.min(8000, header.size)).includes(0),
          };
        }
        length = header.size;
        return EMPTY;
      },
    };
  };

  const whole = (i: number, size: number): BodyReceiver => {
    const inner = collectBody(size);
    return {
      write: (chunk) => inner.write(chunk),
      end() {
        const bytes = inner.end();
        links[i] = { whole: bytes };
        content = bytes;
        length = size;
        return EMPTY;
      },
    };
  };

  const stream = new CatFileBatchStream(
    specs.length,
    (i, o) => {
      // a missing object or another type breaks the chain: the next version starts anew
      if (o?.type !== 'blob') {
        links[i] = null;
        length = -1;
      }
    },
    receiverFor,
  );
  await runGitStream(['cat-file', '--batch', '-z'], { ...git, input: specs.map((s) => s + '\0').join('') }, (chunk) =>
    stream.push(chunk),
  );
  stream.end();
  return links;
}
