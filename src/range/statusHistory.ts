// The status file along a range, as the lock rules read it (readStatusHead): at the base,
// the head, and every commit and parent in between. In an orch repository almost every
// commit only appends its Log entry, so a range of a thousand commits holds a thousand
// copies of a large file that differ only at their end. A copy that is its parent's plus
// appended Log lines has its parent's locks and reviews: that is learnt from one byte
// comparison, without decoding or parsing it (ARCHITECTURE.md, "Performance invariants": the log is never parsed per
// commit). Only copies that change something before the Log are parsed.
import { blobText, type BlobReader } from '../git/blobReader.js';
import { readAppendChain, type ChainLink } from '../git/readAppendChain.js';
import type { GitOptions } from '../git/runGit.js';
import { looksBinary } from '../text/looksBinary.js';
import { appendedBytes, linesOf } from '../text/insertedLines.js';
import type { FileChange, StatusDoc } from '../types.js';
import { mayOpenSection, readStatusVersion } from '../status/readStatusHead.js';

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

/** Versions one after another (each its predecessor's edit) worth reading as one chain. */
const CHAIN_MIN = 16;

/**
 * `commits` oldest first (a parent before its children), as the range log lists them.
 * With `chains`, runs of at least `min` versions that follow one another are read as
 * chains (readAppendChain): compared as they arrive, never each made a buffer of its own.
 */
export function statusHistory(
  blobs: BlobReader,
  statusFile: string,
  commits: HistoryCommit[],
  chains?: { git: GitOptions; min?: number },
): StatusHistory {
  const { spec, edges, order } = mapCopies(statusFile, commits);
  const chained = chains ? chainRuns(order, chains.min ?? CHAIN_MIN) : new Map<string, ChainSlot>();
  /** The chain's answer for `key`, or undefined when it is not in a chain. */
  const linkOf = async (key: string): Promise<ChainLink | undefined> => {
    const at = chained.get(key);
    if (!at) return undefined;
    at.chain.links ??= readAppendChain(at.chain.keys, chains!.git);
    return (await at.chain.links)[at.index];
  };
  const bytesOf = async (key: string): Promise<Buffer | null> => {
    const link = await linkOf(key);
    return link && 'whole' in link ? link.whole : blobs(key);
  };

  const versions = new Map<string, Promise<Version>>();
  function version(key: string): Promise<Version> {
    let v = versions.get(key);
    if (!v) {
      const edge = edges.get(key);
      v = edge ? derived(key, edge) : parsed(bytesOf(key));
      versions.set(key, v);
    }
    return v;
  }

  async function derived(key: string, edge: Edge): Promise<Version> {
    const lines = await appendedLines(key, edge);
    if (lines === null || lines.some((l) => mayOpenSection(l))) return parsed(bytesOf(key));
    // the parent's table may itself wait for its parent's, and so on back to the base:
    // nothing of the two copies is held meanwhile (a thousand of them would be 500 MB)
    const parent = await version(edge.from);
    return parent.logLast ? parent : parsed(bytesOf(key));
  }

  /** The lines `key` appends to `edge.from`, or null when it is not such a copy. */
  async function appendedLines(key: string, edge: Edge): Promise<string[] | null> {
    const link = await linkOf(key);
    let tail: Buffer | null;
    if (link !== undefined) {
      // in a chain, the version before `key` is `edge.from`: the chain compared them
      tail = link && 'tail' in link && !link.binary ? link.tail : null;
    } else {
      const [before, after] = await Promise.all([blobs(edge.from), blobs(key)]);
      tail = before && after && !looksBinary(after) ? appendedBytes(before, after) : null;
    }
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

interface ChainSlot {
  chain: { keys: string[]; links?: Promise<ChainLink[]> };
  index: number;
}

/**
 * What to ask cat-file for the copy at each revision (a blob id where the range's diffs
 * tell it: copies shared between commits are then read once; else "<rev>:<path>"), and
 * the copies the range made by modifying another, in commit order.
 */
function mapCopies(statusFile: string, commits: HistoryCommit[]) {
  const specAt = new Map<string, string | null>();
  // a copy the range made by modifying its parent's: where to compare it from
  const edges = new Map<string, Edge>();
  const spec = (rev: string) => (specAt.has(rev) ? specAt.get(rev)! : `${rev}:${statusFile}`);
  // the edges in commit order, to find the runs that chain
  const order: [string, string][] = [];
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
      if (!edge) {
        edges.set(blob, { from: own.oldBlob, insertions: c.insertions ? [c.insertions] : [] });
        order.push([own.oldBlob, blob]);
      }
      // the same change made on two branches: both commits learn the lines
      else if (edge.from === own.oldBlob && c.insertions) edge.insertions.push(c.insertions);
    }
  }

  return { spec, edges, order };
}

/** Runs of edges where each starts from the one before (at least `min` long): read as chains. */
function chainRuns(order: [string, string][], min: number): Map<string, ChainSlot> {
  const chained = new Map<string, ChainSlot>();
  let run: string[] = [];
  let inRun = new Set<string>();
  const close = () => {
    if (run.length - 1 < min) return;
    const chain = { keys: run };
    run.forEach((key, index) => {
      chained.set(key, { chain, index });
    });
  };
  for (const [from, to] of order) {
    // a version seen before in the run (a revert) would stand twice in it: start anew
    if (run.length && run[run.length - 1] === from && !inRun.has(to)) {
      run.push(to);
      inRun.add(to);
    } else {
      close();
      run = [from, to];
      inRun = new Set(run);
    }
  }
  close();
  return chained;
}
