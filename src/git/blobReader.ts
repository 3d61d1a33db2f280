// Reads file contents at revisions through `git cat-file --batch -z`. Requests made in the
// same tick are sent to one git process, so rules that read a few files in parallel cost
// one spawn, not one each.
import { runGitBuffer, type GitOptions } from './runGit.js';

export type BlobReader = (spec: string) => Promise<Buffer | null>;

/** Requests per cat-file process: bounds the output held in memory at once. */
const MAX_BATCH = 200;
/** Contents kept for repeated reads (a status file read as one commit's new side and the next one's old side). */
const CACHE_BYTES = 48 << 20;

/** `spec` is anything cat-file takes: `HEAD:path`, `:path` (the index), `<sha>`. */
export function createBlobReader(options: GitOptions): BlobReader {
  let pending: { spec: string; resolve: (b: Buffer | null) => void; reject: (e: unknown) => void }[] = [];
  // insertion-ordered: the oldest entries go first when the cache outgrows its budget
  const cache = new Map<string, Promise<Buffer | null>>();
  const sizes = new Map<string, number>();
  let cachedBytes = 0;

  function remember(spec: string, b: Buffer | null): void {
    if (!cache.has(spec)) return;
    const n = b?.length ?? 0;
    sizes.set(spec, n);
    cachedBytes += n;
    for (const [old, size] of sizes) {
      if (cachedBytes <= CACHE_BYTES) break;
      sizes.delete(old);
      cache.delete(old);
      cachedBytes -= size;
    }
  }

  async function flush(): Promise<void> {
    const all = pending;
    pending = [];
    for (let at = 0; at < all.length; at += MAX_BATCH) {
      const batch = all.slice(at, at + MAX_BATCH);
      try {
        const input = batch.map((r) => r.spec + '\0').join('');
        const { stdout: out } = await runGitBuffer(['cat-file', '--batch', '-z'], { ...options, input });
        const results = parseBatchOutput(out, batch.length);
        batch.forEach((r, i) => {
          remember(r.spec, results[i]);
          r.resolve(results[i]);
        });
      } catch (e) {
        batch.forEach((r) => {
          cache.delete(r.spec);
          r.reject(e);
        });
      }
    }
  }

  return (spec) => {
    const hit = cache.get(spec);
    if (hit) return hit;
    const p = new Promise<Buffer | null>((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ spec, resolve, reject });
    });
    cache.set(spec, p);
    return p;
  };
}

/** Parses `cat-file --batch` output: "<sha> <type> <size>\n<bytes>\n" or "<spec> missing\n". */
export function parseBatchOutput(out: Buffer, count: number): (Buffer | null)[] {
  const results: (Buffer | null)[] = [];
  let pos = 0;
  for (let n = 0; n < count; n++) {
    const nl = out.indexOf(0x0a, pos);
    if (nl === -1) {
      results.push(null);
      continue;
    }
    const header = out.subarray(pos, nl).toString('utf8');
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      // "<spec> missing" or "<spec> ambiguous"
      results.push(null);
      pos = nl + 1;
      continue;
    }
    const size = Number(m[2]);
    const body = out.subarray(nl + 1, nl + 1 + size);
    results.push(m[1] === 'blob' ? Buffer.from(body) : null);
    pos = nl + 1 + size + 1;
  }
  return results;
}

/** Text of a blob, or null when it is missing or looks binary (a NUL in its first 8 KiB, as git decides). */
export function blobText(b: Buffer | null): string | null {
  if (!b) return null;
  if (b.subarray(0, 8000).includes(0)) return null;
  return b.toString('utf8');
}

/** The first header of `cat-file --batch` output; null for "missing" or anything but a blob. */
export function parseBatchHeader(out: Buffer): { sha: string; size: number; bodyStart: number } | null {
  const nl = out.indexOf(0x0a);
  if (nl === -1) return null;
  const m = /^([0-9a-f]+) blob (\d+)$/.exec(out.subarray(0, nl).toString('utf8'));
  return m ? { sha: m[1], size: Number(m[2]), bodyStart: nl + 1 } : null;
}
