// Reads file contents at revisions through `git cat-file --batch -z`. Requests made in the
// same tick are sent to one git process, so rules that read a few files in parallel cost
// one spawn, not one each.
import { CatFileBatchStream, parseCatFileBatch } from './parseCatFileBatch.js';
import { runGitStream, type GitOptions } from './runGit.js';
import { looksBinary } from '../text/looksBinary.js';

export type BlobReader = (spec: string) => Promise<Buffer | null>;

/**
 * Requests per cat-file process. The output streams to its readers object by object, so
 * this bounds only the input line and the cost of a failure midway.
 */
const MAX_BATCH = 2000;
/** Contents kept for repeated reads (a status file read as one commit's new side and the next one's old side). */
const CACHE_BYTES = 48 << 20;

type Request = { spec: string; resolve: (b: Buffer | null) => void; reject: (e: unknown) => void };
const RESOLVED: Request = { spec: '', resolve: () => undefined, reject: () => undefined };

/** `spec` is anything cat-file takes: `HEAD:path`, `:path` (the index), `<sha>`. */
export function createBlobReader(options: GitOptions): BlobReader {
  let pending: Request[] = [];
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
    while (all.length) {
      const batch = all.splice(0, MAX_BATCH);
      // each blob goes to its reader as soon as it is complete, while git writes the next
      let answered = 0;
      const stream = new CatFileBatchStream(batch.length, (i, o) => {
        const b = o && o.type === 'blob' ? o.body : null;
        answered = i + 1;
        const request = batch[i];
        // a settled request's resolve function keeps its promise, and with it the blob: let
        // it go, or a batch of a thousand large files stays in memory until the batch ends
        batch[i] = RESOLVED;
        remember(request.spec, b);
        request.resolve(b);
      });
      try {
        const input = batch.map((r) => r.spec + '\0').join('');
        await runGitStream(['cat-file', '--batch', '-z'], { ...options, input }, (chunk) => stream.push(chunk));
        stream.end();
      } catch (e) {
        batch.slice(answered).forEach((r) => {
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

/** Parses `cat-file --batch` output into blob contents (null for missing and non-blob objects). */
export function parseBatchOutput(out: Buffer, count: number): (Buffer | null)[] {
  return parseCatFileBatch(out, count).map((o) => (o && o.type === 'blob' ? o.body : null));
}

/** Text of a blob, or null when it is missing or looks binary (a NUL in its first 8 KiB, as git decides). */
export function blobText(b: Buffer | null): string | null {
  if (!b || looksBinary(b)) return null;
  return b.toString('utf8');
}
