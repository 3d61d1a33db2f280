// collect, for ranges: which commits a push or pull request brings, what each changed, and
// what the range changes as a whole — a few git processes for the whole range, never one
// per commit. A shallow clone that cannot answer is detected (and deepened on request)
// rather than read as if its oldest commit were a root.
import { OrchError } from '../errors.js';
import { isZeroSha } from '../git/isZeroSha.js';
import { mergeBaseQuery } from '../git/mergeBaseQuery.js';
import { netDiffQuery } from '../git/netDiffQuery.js';
import { objectsExist } from '../git/objectsExist.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { rangeLogQuery } from '../git/rangeLogQuery.js';
import { ask, GitError } from '../git/runGit.js';
import { deepenArgs, deepenHistory } from '../git/deepenHistory.js';
import { shallowCommits } from '../git/shallowCommits.js';
import type { ChangeSet, FileChange } from '../types.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import type { Repo } from '../git/openRepo.js';

export interface RangeRequest {
  /** The tip to check. */
  head: string;
  /** What the target has now; null (or all zeros) for a new branch. */
  base: string | null;
  /**
   * For a new branch: rev-list arguments naming what the target already has, placed after
   * `--not` (e.g. `--remotes=origin`). Empty: the whole history of `head` is new.
   */
  known?: string[];
  /** The branch pushed or merged into (short name), for rules that depend on it. */
  branch?: string;
  /**
   * A base this repository does not have: check it as a new branch (pre-push after a
   * force push over commits never fetched) or stop with an error (CI).
   */
  missingBase?: 'new-branch' | 'error';
}

export interface CollectedRange {
  /** The revision whose configuration and locks bind the range; null when nothing precedes it. */
  base: string | null;
  /** Where the range's net change is measured from (the merge base of base and head). */
  forkPoint: string | null;
  head: string;
  /** Oldest first. */
  commits: RangeCommit[];
  /** The net change forkPoint → head. */
  files: FileChange[];
  /** How much history was fetched to answer (with `deepen`). */
  fetched?: string;
}

export interface CollectOptions {
  /** Fetch more history when a shallow clone lacks it, instead of stopping. */
  deepen?: boolean;
  /** The remote to fetch from (default origin). */
  remote?: string;
}

/** Raised inside collection when a shallow clone lacks part of the range. */
class IncompleteHistory extends Error {}

const DEEPEN_STEPS = [50, 200, 1000];

export async function collectRange(
  repo: Repo,
  request: RangeRequest,
  options: CollectOptions = {},
): Promise<CollectedRange> {
  assertRev(request.head, 'head');
  if (request.base && !isZeroSha(request.base)) assertRev(request.base, 'base');
  const remote = options.remote ?? 'origin';
  let fetched = 0;
  for (let round = 0; ; round++) {
    try {
      const range = await collectOnce(repo, request);
      return fetched
        ? {
            ...range,
            fetched: `fetched ${fetched === Infinity ? 'the full' : `${fetched} more commits of`} history from ${remote} (--deepen)`,
          }
        : range;
    } catch (e) {
      if (!(e instanceof IncompleteHistory)) throw e;
      if (!options.deepen) throw shallowError(e.message, remote);
      if (round > DEEPEN_STEPS.length) throw shallowError(e.message, remote, true);
      const step = DEEPEN_STEPS[round];
      try {
        await deepenHistory(remote, step, repo.git);
      } catch (err) {
        throw new OrchError(
          `git ${deepenArgs(remote, step).join(' ')} failed while deepening the shallow clone: ${err instanceof GitError ? err.result.stderr.trim().split('\n').pop() : (err as Error).message}`,
          {
            hint: `Fetch the history yourself (git fetch --unshallow ${remote}) or use a full clone (fetch-depth: 0).`,
          },
        );
      }
      fetched = step === undefined ? Infinity : fetched + step;
    }
  }
}

async function collectOnce(repo: Repo, request: RangeRequest): Promise<CollectedRange> {
  const { head } = request;
  const base = request.base && !isZeroSha(request.base) ? request.base : null;
  if (base === null) return collectNewBranch(repo, head, request.known ?? []);

  const forkAsked = ask(mergeBaseQuery(base, head), repo.git);
  // the net diff needs only the merge base: it runs while the (longer) log is read
  const filesAsked = forkAsked.then((f) => ask(netDiffQuery(f ?? base, head), repo.git));
  filesAsked.catch(() => undefined);
  const [log, fork] = await Promise.allSettled([ask(rangeLogQuery([`${base}..${head}`]), repo.git), forkAsked]);
  if (log.status === 'rejected' || fork.status === 'rejected') {
    const failure = log.status === 'rejected' ? log.reason : (fork as PromiseRejectedResult).reason;
    const [hasBase, hasHead] = await objectsExist([base, head], repo.git);
    const shallow = shallowCommits(repo.commonDir);
    if (!hasHead) {
      if (shallow) throw new IncompleteHistory(`it lacks the head commit ${head}`);
      throw new OrchError(`${head} is not a commit in this repository.`, {
        hint: `Fetch it first (git fetch origin ${head}), or check the --head value.`,
      });
    }
    if (!hasBase) {
      if (request.missingBase === 'new-branch') return collectNewBranch(repo, head, request.known ?? []);
      if (shallow) throw new IncompleteHistory(`it lacks the base commit ${base}`);
      throw new OrchError(`the base ${base} is not a commit in this repository.`, {
        hint: `Fetch it (git fetch origin ${base}) or check the --base value.`,
      });
    }
    throw failure;
  }
  const commits = log.value;
  const shallow = shallowCommits(repo.commonDir);
  if (shallow) {
    const cut = commits.find((c) => shallow.has(c.info.sha));
    if (cut)
      throw new IncompleteHistory(
        `its history stops at ${cut.info.sha.slice(0, 12)}, inside the range ${short(base)}..${short(head)}`,
      );
    if (fork.value === null)
      throw new IncompleteHistory(`it does not reach back to where ${short(head)} and ${short(base)} meet`);
  }
  // unrelated histories have no merge base: the base itself is all there is to compare with
  const forkPoint = fork.value ?? base;
  const files = commits.length ? await filesAsked : [];
  return { base, forkPoint, head, commits, files };
}

async function collectNewBranch(repo: Repo, head: string, known: string[]): Promise<CollectedRange> {
  let commits: RangeCommit[];
  try {
    commits = await ask(rangeLogQuery([head, ...(known.length ? ['--not', ...known] : [])]), repo.git);
  } catch (e) {
    const [hasHead] = await objectsExist([head], repo.git);
    if (hasHead) throw e;
    if (shallowCommits(repo.commonDir)) throw new IncompleteHistory(`it lacks the head commit ${head}`);
    throw new OrchError(`${head} is not a commit in this repository.`, {
      hint: `Fetch it first (git fetch origin ${head}), or check the --head value.`,
    });
  }
  if (commits.length === 0) return { base: head, forkPoint: head, head, commits, files: [] };
  const oldest = commits[0];
  const shallow = shallowCommits(repo.commonDir);
  const cut = shallow && commits.find((c) => shallow.has(c.info.sha));
  if (cut)
    throw new IncompleteHistory(
      `its history stops at ${cut.info.sha.slice(0, 12)}, so where the new commits begin is unknown`,
    );
  // the new commits grow from the first parent of the oldest: what the target already had
  const base = oldest.info.parents[0] ?? null;
  const files = await ask(netDiffQuery(base, head), repo.git);
  return { base, forkPoint: base, head, commits, files };
}

function shallowError(what: string, remote: string, afterDeepening = false): OrchError {
  return new OrchError(
    `this is a shallow clone and ${what}${afterDeepening ? ', even after deepening it' : ''}: the commits to check cannot all be read.`,
    {
      hint: [
        `Fetch more history: git fetch --no-tags --deepen=200 ${remote} (repeat as needed), or all of it: git fetch --unshallow ${remote}.`,
        'GitHub Actions: set `fetch-depth: 0` on actions/checkout. GitLab CI: set GIT_DEPTH: 0. Bitbucket: clone: depth: full.',
        afterDeepening
          ? 'The base may not be on that remote: fetch it by name (git fetch origin <branch>).'
          : 'Or run orch ci --deepen to let orch fetch what it needs.',
      ].join('\n  '),
    },
  );
}

function assertRev(rev: string, what: string): void {
  // a value that starts with "-" would be read by git as an option
  if (!rev || rev.startsWith('-') || /[\s\0]/.test(rev)) {
    throw new OrchError(`${JSON.stringify(rev)} is not a usable ${what} revision.`, {
      hint: 'Give a commit id, branch or tag name.',
    });
  }
}

function short(rev: string): string {
  return /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 12) : rev;
}

/** One commit of a range as a change set against its first parent. */
export function commitChangeSet(
  repo: Repo,
  c: RangeCommit,
  insertions?: Map<string, Promise<string[] | null>>,
): ChangeSet {
  return gitChangeSet({
    kind: 'commit',
    files: c.files,
    oldRev: c.info.parents[0] ?? null,
    newRev: c.info.sha,
    commit: c.info,
    blobs: repo.blobs,
    git: repo.git,
    ...(insertions ? { insertions } : {}),
  });
}
