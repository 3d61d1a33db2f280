// Merges that take one side. `git log --cc` lists what a merge resolved itself, and a
// merge whose result equals one of its parents (`git merge -s ours`, a hand resolution
// that keeps the old side) lists nothing: the change it threw away — another agent's
// work on a locked file, a lock row, a configuration — never meets a rule commit by
// commit. So a range is also judged by its net effect (the merge base → head): for each
// protected path the range changes as a whole (locked, contract, orch configuration, the
// status file; case twins included), every merge that kept one parent's version while
// another parent had changed that path is judged for the change it made against that
// parent — as the merge commit's own change (README: "Threat model").
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import type { Config } from '../config/schema.js';
import { blobIdsQuery } from '../git/blobIdsQuery.js';
import { mergeBaseQuery } from '../git/mergeBaseQuery.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { ask, type GitOptions } from '../git/runGit.js';
import { buildLockIndex } from '../locks/lockIndex.js';
import { contractMatcher } from '../match/contractMatcher.js';
import type { FileChange, Lock } from '../types.js';

export interface OneSidedMerge {
  /** Index of the merge among the range's commits. */
  index: number;
  /** The parent whose change the merge dropped: the old side of the judged change. */
  from: string;
  /** The protected paths it dropped that parent's change to, as changes from → merge. */
  files: FileChange[];
}

export interface ProtectedPaths {
  config: Pick<Config, 'statusFile' | 'contracts'>;
  /** Locks that bind the range (the base's, the lock branch's). */
  locks: Lock[];
  configFile?: string;
  existsLiterally?: (p: string) => boolean;
}

/** The net changes that touch a protected path; case is ignored, so a twin counts as its path. */
export function protectedChanges(net: FileChange[], p: ProtectedPaths): FileChange[] {
  const fold = (s: string) => s.normalize('NFC').toLowerCase();
  const named = new Set(
    [p.config.statusFile, ...CONFIG_SEARCH_PLACES, ...(p.configFile ? [p.configFile] : [])].map(fold),
  );
  const locks = p.locks.length
    ? buildLockIndex(p.locks, { ignoreCase: true, existsLiterally: p.existsLiterally })
    : null;
  const contracts = contractMatcher(p.config.contracts, { ignoreCase: true });
  const hit = (path: string) =>
    named.has(fold(path)) || (locks !== null && locks.match(path).length > 0) || contracts(path).length > 0;
  return net.filter((f) => hit(f.path) || (f.oldPath !== undefined && hit(f.oldPath)));
}

/**
 * The merges of `commits` that dropped another parent's change to one of `paths`.
 * A few git processes: one batch-check for the versions at the merges and their parents,
 * a merge-base for each pair of sides that differ, and one batch-check at those bases.
 */
export async function oneSidedMerges(
  commits: RangeCommit[],
  paths: string[],
  git: GitOptions,
): Promise<OneSidedMerge[]> {
  const merges = commits.map((c, index) => ({ c, index })).filter(({ c }) => c.info.parents.length > 1);
  if (merges.length === 0 || paths.length === 0) return [];
  // versions at each merge and each of its parents, one request per (revision, path)
  const revs = [...new Set(merges.flatMap(({ c }) => [c.info.sha, ...c.info.parents]))];
  const ids = await versions(revs, paths, git);

  // a parent whose version the merge did not keep: a candidate, decided by the merge base
  const candidates: {
    index: number;
    path: string;
    parent: string;
    kept: string;
    theirs: string | null;
    mine: string | null;
  }[] = [];
  for (const { c, index } of merges) {
    const resolved = new Set(c.files.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path])));
    for (const path of paths) {
      // a path the merge resolved itself is judged with the merge's own change
      if (resolved.has(path)) continue;
      const mine = ids.get(c.info.sha)!.get(path) ?? null;
      const kept = c.info.parents.find((p) => (ids.get(p)!.get(path) ?? null) === mine);
      if (kept === undefined) continue;
      for (const parent of c.info.parents) {
        const theirs = ids.get(parent)!.get(path) ?? null;
        if (theirs !== mine) candidates.push({ index, path, parent, kept, theirs, mine });
      }
    }
  }
  if (candidates.length === 0) return [];
  // the merge bases at once, then their versions in one more batch
  const pairs = [...new Set(candidates.map((x) => `${x.parent} ${x.kept}`))];
  const baseOf = new Map(
    await Promise.all(
      pairs.map(
        async (pair) => [pair, await ask(mergeBaseQuery(...(pair.split(' ') as [string, string])), git)] as const,
      ),
    ),
  );
  const baseRevs = [...new Set([...baseOf.values()].filter((b): b is string => b !== null))];
  const atBases = baseRevs.length
    ? await versions(baseRevs, paths, git)
    : new Map<string, Map<string, string | null>>();

  const drops = new Map<string, OneSidedMerge>();
  for (const x of candidates) {
    const base = baseOf.get(`${x.parent} ${x.kept}`) ?? null;
    const atBase = base === null ? null : (atBases.get(base)!.get(x.path) ?? null);
    // the other side had not changed the path since the sides met: nothing thrown away
    if (atBase === x.theirs) continue;
    const key = `${x.index} ${x.parent}`;
    let drop = drops.get(key);
    if (!drop) drops.set(key, (drop = { index: x.index, from: x.parent, files: [] }));
    drop.files.push(changeOf(x.path, x.theirs, x.mine));
  }
  return [...drops.values()];
}

function changeOf(path: string, from: string | null, to: string | null): FileChange {
  if (from === null) return { status: 'A', path, newBlob: to! };
  if (to === null) return { status: 'D', path, oldBlob: from };
  return { status: 'M', path, oldBlob: from, newBlob: to };
}

async function versions(
  revs: string[],
  paths: string[],
  git: GitOptions,
): Promise<Map<string, Map<string, string | null>>> {
  const specs = revs.flatMap((r) => paths.map((p) => `${r}:${p}`));
  const query = blobIdsQuery(specs);
  const answers = await ask(query, { ...git, input: query.input });
  const out = new Map<string, Map<string, string | null>>();
  let k = 0;
  for (const r of revs) {
    const m = new Map<string, string | null>();
    for (const p of paths) m.set(p, answers[k++]);
    out.set(r, m);
  }
  return out;
}
