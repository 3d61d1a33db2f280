// pre-push, CI, pre-receive and `orch check --range`: every rule, commit by commit, over
// what a push or pull request brings — whatever skipped pre-commit (--no-verify, a clean
// merge, a rebase) meets the same rules here. Configuration and the locks of the target
// come from the base: the head is untrusted.
import { OrchError } from '../errors.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import type { Report } from '../report/report.js';
import { buildReport, dedupeFindings } from '../report/buildReport.js';
import type { ChangeSet, CommitInfo, Context } from '../types.js';
import { collectRange, type CollectedRange, commitChangeSet, type RangeRequest } from './collectRange.js';
import { commitIdentity } from '../identity/commitIdentity.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { parseSkip, type Skip } from '../check/parseSkip.js';
import { rangeNotes } from './rangeNotes.js';
import { judgeRange } from './judgeRange.js';
import { headBranch, literalPaths, readRange } from './readRange.js';

export type { RangeRequest } from './collectRange.js';

export { RANGE_RULES } from './judgeRange.js';

export interface CheckRangeOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  context: Context;
  /** `A..B` (as `orch check --range` takes it); or base and head. */
  range?: string;
  /** What the target has; null or all zeros for a new branch. */
  base?: string | null;
  head?: string;
  /** For a new branch: what the target already has, as rev-list arguments after --not. */
  known?: string[];
  branch?: string;
  /** A base this repository lacks: stop (default) or check as a new branch. */
  missingBase?: RangeRequest['missingBase'];
  defaultBranch?: string;
  /** Fetch more history when a shallow clone lacks the base. */
  deepen?: boolean;
  remote?: string;
  now?: Date;
}

export interface RangeResult {
  report: Report;
  /** The per-commit change sets, oldest first. */
  commits: ChangeSet[];
  /** The range as one change set (its `commits` are the above). */
  range: ChangeSet;
  base: string | null;
  head: string;
  /** Said when history had to be fetched (deepen). */
  fetched?: string;
  /** Remote mode: what to know about the lock branch copy checked against (its age). */
  lockNotes?: string[];
}

export async function checkRange(opts: CheckRangeOptions): Promise<RangeResult> {
  const request = requestFrom(opts);
  const repo = await openRepo(opts.cwd);
  const lockBranch = request.branch ? await lockBranchOf(repo, opts.remote) : null;
  return lockBranch?.is(request) ? lockBranch.check(request, opts) : checkRangeIn(repo, request, opts);
}

/** Several ranges of one push (one per ref), as one report; a commit in two of them is reported once. */
export async function checkRanges(
  opts: Omit<CheckRangeOptions, 'range' | 'base' | 'head' | 'known' | 'branch' | 'missingBase'>,
  requests: RangeRequest[],
): Promise<Report> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  if (requests.length === 0) return buildReport({ context: opts.context, agent: null, findings: [], skip });
  const repo = await openRepo(opts.cwd);
  const lockBranch = requests.some((r) => r.branch) ? await lockBranchOf(repo, opts.remote) : null;
  const results: RangeResult[] = [];
  // one after another: each range's reads then share few cat-file processes, and the
  // second range mostly hits the blob cache of the first
  for (const request of requests) {
    results.push(
      lockBranch?.is(request) ? await lockBranch.check(request, opts) : await checkRangeIn(repo, request, opts),
    );
  }
  return mergeResults(results, opts.context);
}

/** Remote mode: pushes to the lock branch are judged by checkLockBranch instead. */
async function lockBranchOf(repo: Repo, remote: string | undefined) {
  const { lockBranchConfig, checkLockBranch } = await import('./checkLockBranch.js');
  const found = await lockBranchConfig(repo, remote);
  if (!found) return null;
  return {
    is: (request: RangeRequest) => request.branch === found.branch,
    check: (request: RangeRequest, opts: Pick<CheckRangeOptions, 'env' | 'context' | 'now'>): Promise<RangeResult> =>
      checkLockBranch(repo, request, found.config, opts),
  };
}

export function requestFrom(
  opts: Pick<CheckRangeOptions, 'range' | 'base' | 'head' | 'known' | 'branch' | 'missingBase'>,
): RangeRequest {
  if (opts.range !== undefined) {
    const m = /^(.*?)\.\.\.?(.*)$/.exec(opts.range.trim());
    if (!m) {
      throw new OrchError(
        `--range ${JSON.stringify(opts.range)}: expected A..B (the commits reachable from B and not from A).`,
        {
          hint: 'For example: orch check --range origin/main..HEAD',
        },
      );
    }
    return { base: m[1] || 'HEAD', head: m[2] || 'HEAD', branch: opts.branch, missingBase: 'error' };
  }
  return {
    base: opts.base ?? null,
    head: opts.head ?? 'HEAD',
    known: opts.known,
    branch: opts.branch,
    missingBase: opts.missingBase ?? 'error',
  };
}

export async function checkRangeIn(
  repo: Repo,
  request: RangeRequest,
  opts: Pick<CheckRangeOptions, 'env' | 'context' | 'defaultBranch' | 'deepen' | 'remote' | 'now'>,
): Promise<RangeResult> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  const now = opts.now ?? new Date();
  const collected = await collectRange(repo, request, { deepen: opts.deepen, remote: opts.remote });
  const { commits: raw } = collected;
  if (raw.length === 0)
    return { ...emptyResult(opts.context, skip, collected), commits: [], range: rangeSet(repo, collected, []) };

  const read = await readRange(repo, collected, opts, now);
  const { config, configFile, baseDoc, headDoc, parentDocs, lockCopy, shared } = read;
  const identities = raw.map((c) => commitIdentity(c.info, config));
  const commitSets = raw.map((c, i) => commitChangeSet(repo, c, read.insertions[i]));
  const range = rangeSet(repo, collected, commitSets);
  const existsLiterally = await literalPaths(read.listing, [
    baseDoc,
    headDoc,
    ...parentDocs,
    ...(shared ? [shared] : []),
  ]);
  const basis = {
    config,
    configFile: configFile ?? undefined,
    branch: request.branch,
    defaultBranch: opts.defaultBranch ?? (repo.bare ? headBranch(repo.gitDir) : undefined),
    ignoreCase: repo.ignoreCase,
    existsLiterally,
    now,
    skip,
    ...(shared ? { lockBranch: shared } : {}),
  };
  const findings = skip.all
    ? []
    : await judgeRange({ repo, collected, read, basis, context: opts.context, identities, commitSets, range });

  const agents = new Set(identities.map((i) => i.name ?? ''));
  const report = buildReport({
    context: opts.context,
    agent: agents.size === 1 ? identities[0].name : null,
    findings: dedupeFindings(findings),
    skip,
    notes: [
      ...(collected.fetched ? [collected.fetched] : []),
      ...(lockCopy?.notes ?? []),
      ...rangeNotes(raw.map((c) => c.info)),
    ],
  });
  return {
    report,
    commits: commitSets,
    range,
    base: collected.base,
    head: collected.head,
    fetched: collected.fetched,
    ...(lockCopy?.notes.length ? { lockNotes: lockCopy.notes } : {}),
  };
}

function rangeSet(repo: Repo, collected: CollectedRange, commits: ChangeSet[]): ChangeSet {
  return gitChangeSet({
    kind: 'range',
    files: collected.files,
    oldRev: collected.forkPoint,
    newRev: collected.head,
    commits,
    blobs: repo.blobs,
    git: repo.git,
  });
}

/** One report for the ranges of one push: findings once each, notes over all commits. */
export function mergeResults(results: RangeResult[], context: Context): Report {
  const reports = results.map((r) => r.report);
  const findings = dedupeFindings(reports.flatMap((r) => r.findings));
  const commits = new Map<string, CommitInfo>();
  for (const r of results) for (const c of r.commits) if (c.commit) commits.set(c.commit.sha, c.commit);
  const notes = [
    ...new Set(results.flatMap((r) => [...(r.fetched ? [r.fetched] : []), ...(r.lockNotes ?? [])])),
    ...rangeNotes([...commits.values()]),
  ];
  const agents = new Set(reports.filter((r) => r.findings.length || r.agent).map((r) => r.agent));
  const skipped = reports.find((r) => r.skipped)?.skipped;
  return buildReport({ context, agent: agents.size === 1 ? [...agents][0] : null, findings, skip: skipped, notes });
}

function emptyResult(context: Context, skip: Skip, collected: CollectedRange): Omit<RangeResult, 'commits' | 'range'> {
  const notes = collected.fetched ? [collected.fetched] : [];
  const report = buildReport({ context, agent: null, findings: [], skip, notes });
  return { report, base: collected.base, head: collected.head, fetched: collected.fetched };
}
