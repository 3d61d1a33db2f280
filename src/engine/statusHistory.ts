// The status file along a range, as the lock rules read it (readStatusHead): at the base,
// the head, and every commit and parent in between. In an orch repository almost every
// commit only appends its Log entry, so a range of a thousand commits holds a thousand
// copies of a large file that differ only at their end. A copy that is its parent's plus
// appended Log lines has its parent's locks and reviews: that is learnt from one byte
// comparison, without decoding or parsing it (DESIGN §7: the log is never parsed per
// commit). Only copies that change something before the Log are parsed.
import { blobText, type BlobReader } from '../git/blobReader.js';
import { looksBinary } from '../text/looksBinary.js';
import { appendedBytes, linesOf } from '../text/insertedLines.js';
import type { FileChange, StatusDoc } from '../types.js';
import { mayOpenSection, readStatusVersion } from './readStatusHead.js';

export interface HistoryCommit {
  sha: string;
  parents: string[];
  /** What it changed against its first parent (a merge: what it resolved itself). */
  files: FileChange[];
  /**
   * The commit's change set's memo of insertedLines, by path: what the byte comparison
   * here learns is left there, so the status rules do not read both copies again.
   */
  insertions?: Map<string, Promise<string[] | null>>;
}

export interface StatusHistory {
  /** The status file at a revision (empty where there is none). */
  at(rev: string | null): Promise<StatusDoc>;
}

export const EMPTY_STATUS: StatusDoc = { locks: [], reviews: [], problems: [], steals: [] };

interface Version {
  doc: StatusDoc;
  logLast: boolean;
}

const NONE: Version = { doc: EMPTY_STATUS, logLast: false };

/** A copy the range made by modifying another: where to compare it from, and who learns the lines. */
interface Edge {
  from: string;
  insertions: NonNullable<HistoryCommit['insertions']>[];
}

/** `commits` oldest first (a parent before its children), as the range log lists them. */
export function statusHistory(blobs: BlobReader, statusFile: string, commits: HistoryCommit[]): StatusHistory {
  // what to ask cat-file for the copy at each revision: a blob id where the range's diffs
  // tell it (copies shared between commits are then read once), else "<rev>:<path>"
  const specAt = new Map<string, string | null>();
  // a copy the range made by modifying its parent's: where to compare it from
  const edges = new Map<string, Edge>();
  const spec = (rev: string) => (specAt.has(rev) ? specAt.get(rev)! : `${rev}:${statusFile}`);
  for (const c of commits) {
    const own = c.files.find((f) => f.path === statusFile);
    // renamed away (a copy leaves its source where it was)
    const gone = !own && c.files.some((f) => f.oldPath === statusFile && f.status === 'R');
    if (own ? own.status === 'D' : gone) {
      specAt.set(c.sha, null);
    } else if (!own) {
      // a merge lists only what it resolved itself: a copy it took from a later parent is
      // not its first parent's, so a merge is always asked about directly
      specAt.set(c.sha, c.parents.length === 1 ? spec(c.parents[0]) : `${c.sha}:${statusFile}`);
    } else {
      const blob = own.newBlob ?? `${c.sha}:${statusFile}`;
      specAt.set(c.sha, blob);
      if (own.status !== 'M' || !own.oldBlob) continue;
      const edge = edges.get(blob);
      if (!edge) edges.set(blob, { from: own.oldBlob, insertions: c.insertions ? [c.insertions] : [] });
      // the same change made on two branches: both commits learn the lines
      else if (edge.from === own.oldBlob && c.insertions) edge.insertions.push(c.insertions);
    }
  }

  const versions = new Map<string, Promise<Version>>();
  function version(key: string): Promise<Version> {
    let v = versions.get(key);
    if (!v) {
      const edge = edges.get(key);
      v = edge ? derived(key, edge) : parsed(blobs(key));
      versions.set(key, v);
    }
    return v;
  }

  async function derived(key: string, edge: Edge): Promise<Version> {
    const lines = await appendedLines(key, edge);
    if (lines === null || lines.some((l) => mayOpenSection(l))) return parsed(blobs(key));
    // the parent's table may itself wait for its parent's, and so on back to the base:
    // nothing of the two copies is held meanwhile (a thousand of them would be 500 MB)
    const parent = await version(edge.from);
    return parent.logLast ? parent : parsed(blobs(key));
  }

  /** The lines `key` appends to `edge.from`, or null when it is not such a copy. */
  async function appendedLines(key: string, edge: Edge): Promise<string[] | null> {
    const [before, after] = await Promise.all([blobs(edge.from), blobs(key)]);
    const tail = before && after && !looksBinary(after) ? appendedBytes(before, after) : null;
    if (!tail) return null;
    const lines = linesOf(tail);
    for (const memo of edge.insertions) if (!memo.has(statusFile)) memo.set(statusFile, Promise.resolve(lines));
    return lines;
  }

  async function parsed(bytes: Promise<Buffer | null>): Promise<Version> {
    const text = blobText(await bytes);
    return text === null ? NONE : readStatusVersion(text, statusFile);
  }

  return {
    async at(rev) {
      if (rev === null) return EMPTY_STATUS;
      const key = spec(rev);
      return key === null ? EMPTY_STATUS : (await version(key)).doc;
    },
  };
}
