// pre-push, CI, pre-receive and `orch check --range`: every rule, commit by commit, over
// what a push or pull request brings — whatever skipped pre-commit (--no-verify, a clean
// merge, a rebase) meets the same rules here. Configuration and the locks of the target
// come from the base: the head is untrusted.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import { lsFilesQuery } from '../git/lsFilesQuery.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { ask } from '../git/runGit.js';
import { isGlobPath } from '../locks/lockIndex.js';
import type { Report } from '../report/report.js';
import { buildReport, dedupeFindings } from '../report/buildReport.js';
import type { RuleInput } from '../rules/rule.js';
import { RULES } from '../rules/registry.js';
import type { ChangeSet, CommitInfo, Context, Finding, Identity, Lock, StatusDoc, StatusProblem } from '../types.js';
import { attachSignatures } from './attachSignatures.js';
import { bindingStatus, sharedBinding } from './bindingStatus.js';
import { collectRange, commitChangeSet, type CollectedRange, type RangeRequest } from './collectRange.js';
import { commitIdentity } from '../identity/commitIdentity.js';
import { oneSidedMerges, protectedChanges } from './oneSidedMerges.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { parseSkip, type Skip } from '../check/parseSkip.js';
import { rangeConfig } from './rangeConfig.js';
import { label, rangeNotes } from './rangeNotes.js';
import { runRules } from '../check/runRules.js';
import { statusHistory } from './statusHistory.js';

export type { RangeRequest } from './collectRange.js';

/** Rules that judge the range as a whole (they read `input.range`): run once, not per commit. */
export const RANGE_RULES = [
  'new-service-container',
  'container-review',
  'compose-consistency',
  'contract-proof',
  'contract-review',
  'decision-record',
  'dockerfile-practice',
] as const;
const COMMIT_RULES = RULES.map((r) => r.id).filter((id) => !(RANGE_RULES as readonly string[]).includes(id));

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
  const { config, configFile, baseDoc, headDoc, parentDocs, ownDocs, lockCopy, shared } = read;
  const identities = raw.map((c) => commitIdentity(c.info, config));
  const commitSets = raw.map((c, i) => commitChangeSet(repo, c, read.insertions[i]));
  const range = rangeSet(repo, collected, commitSets);
  const existsLiterally = await literalPaths(read.listing, [
    baseDoc,
    headDoc,
    ...parentDocs,
    ...(shared ? [shared] : []),
  ]);

  const common = {
    range,
    config,
    configFile: configFile ?? undefined,
    context: opts.context,
    branch: request.branch,
    defaultBranch: opts.defaultBranch ?? (repo.bare ? headBranch(repo.gitDir) : undefined),
    ignoreCase: repo.ignoreCase,
    existsLiterally,
    now,
    ...(shared ? { lockBranch: shared } : {}),
  } satisfies Partial<RuleInput>;
  const bindingOf = (i: number) =>
    shared
      ? sharedBinding(shared, parentDocs[i], ownDocs[i], identities[i])
      : bindingStatus(baseDoc, parentDocs[i], ownDocs[i], identities[i]);

  const findings: Finding[] = [];
  if (!skip.all) {
    // load the rules first, so that the reads of all commits leave in the same batches
    await Promise.all(RULES.map((r) => r.load()));
    // commits in slices: their reads still share cat-file batches, while what a slice
    // reads (a thousand status files in a long range) is not all held at once
    for (let from = 0; from < raw.length; from += COMMIT_SLICE) {
      const slice = raw.slice(from, from + COMMIT_SLICE);
      const found = await Promise.all(
        slice.map((c, k) => {
          const i = from + k;
          const statusSides = { old: parentDocs[i], new: ownDocs[i] };
          return runRules(
            { ...common, changes: commitSets[i], status: bindingOf(i), identity: identities[i], statusSides },
            skip,
            COMMIT_RULES,
          ).then((f) => f.map((x) => inCommit(x, c, identities[i])));
        }),
      );
      findings.push(...found.flat());
    }
    findings.push(
      ...(await judgeOneSided(repo, collected, {
        ...common,
        skip,
        identities,
        bindingOf,
        locks: [...baseDoc.locks, ...(shared?.locks ?? [])],
      })),
    );
    const headIdentity = identities[identities.length - 1];
    const whole = await runRules(
      {
        ...common,
        changes: range,
        // approvals are read at the head: each commit that recorded one was judged above
        status: { locks: shared ? shared.locks : baseDoc.locks, reviews: headDoc.reviews, problems: [], steals: [] },
        identity: headIdentity,
        collected: {
          statusProblems: newStatusProblems(range, baseDoc, headDoc, config.statusFile),
          ...(lockCopy?.fetchFailure ? { lockBranchFetch: lockCopy.fetchFailure } : {}),
        },
      },
      skip,
      [...RANGE_RULES],
    );
    findings.push(...whole);
  }

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

/**
 * What the rules read besides the changes: the configuration (the base's), the status file
 * at every revision that matters, and in remote mode the lock branch. The configuration
 * and the status files travel in the same cat-file batch.
 */
async function readRange(
  repo: Repo,
  collected: CollectedRange,
  opts: Pick<CheckRangeOptions, 'context' | 'defaultBranch' | 'remote'>,
  now: Date,
) {
  const raw = collected.commits;
  const revisionConfig = rangeConfig(repo, collected.base, opts);
  const insertions = raw.map(() => new Map<string, Promise<string[] | null>>());
  const historyOf = (statusFile: string) =>
    statusHistory(
      repo.blobs,
      statusFile,
      raw.map((c, i) => ({ sha: c.info.sha, parents: c.info.parents, files: c.files, insertions: insertions[i] })),
      { git: repo.git },
    );
  // a guess at the status file's name, so its copies travel in the same batch as the config
  const guess = historyOf(DEFAULT_STATUS_FILE);
  // failures surface where the copies are awaited below
  const early = (rev: string | null) => void guess.at(rev).catch(() => undefined);
  early(collected.base);
  early(collected.head);
  for (const c of raw) {
    early(c.info.parents[0] ?? null);
    early(c.info.sha);
  }
  const { config, configFile, rev: configRev } = await revisionConfig;
  if (config.identity.signed) await attachSignatures(repo, raw, config, configRev);

  // remote mode: the lock branch binds — fetched for pre-push and CI, the server's own on pre-receive
  const sharedCopy = config.locks.remote
    ? import('../remote/remoteLocks.js').then((m) =>
        m.remoteLocks(repo, config, {
          context: opts.context,
          now,
          fetch: opts.context === 'pre-push' || opts.context === 'ci',
        }),
      )
    : null;

  const history = config.statusFile === DEFAULT_STATUS_FILE ? guess : historyOf(config.statusFile);
  // the base's file list, for locks with ( ) [ ] (see literalPaths; never the head's: the
  // range may add a file named like a glob lock to turn it off): asked as soon as the
  // base has such a lock, while the rest of the range's status files are read
  const listing = once(() => (collected.base ? ask(lsFilesQuery(collected.base), repo.git) : Promise.resolve([])));
  void history
    .at(collected.base)
    .then((d) => {
      if (d.locks.some((l) => isGlobPath(l.path))) listing().catch(() => undefined);
    })
    .catch(() => undefined);
  const [baseDoc, headDoc, parentDocs, ownDocs, lockCopy] = await Promise.all([
    history.at(collected.base),
    history.at(collected.head),
    Promise.all(raw.map((c) => history.at(c.info.parents[0] ?? null))),
    Promise.all(raw.map((c) => history.at(c.info.sha))),
    sharedCopy,
  ]);
  return {
    config,
    configFile,
    insertions,
    listing,
    baseDoc,
    headDoc,
    parentDocs,
    ownDocs,
    lockCopy,
    shared: lockCopy?.doc ?? null,
  };
}

/** The rules a dropped change can break: who may change a path, and the lock table's own. */
const ONE_SIDED_RULES = ['lock-conflict', 'contract-owner', 'status-integrity'];

/**
 * The range's net effect on protected paths, where no commit's own change shows it: each
 * merge that kept one side of such a path is judged for the change it made against the
 * parent whose change it dropped (see oneSidedMerges).
 */
async function judgeOneSided(
  repo: Repo,
  collected: CollectedRange,
  ctx: Omit<RuleInput, 'changes' | 'status' | 'identity'> & {
    skip: Skip;
    identities: Identity[];
    bindingOf: (i: number) => StatusDoc;
    locks: Lock[];
  },
): Promise<Finding[]> {
  const { skip, identities, bindingOf, locks, ...common } = ctx;
  const guarded = protectedChanges(collected.files, {
    config: common.config,
    locks,
    configFile: common.configFile,
    existsLiterally: common.existsLiterally,
  });
  const paths = [...new Set(guarded.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path])))];
  const merges = await oneSidedMerges(collected.commits, paths, repo.git);
  const found: Finding[][] = await Promise.all(
    merges.map(async ({ index, from, files }) => {
      const c = collected.commits[index];
      const changes = gitChangeSet({
        kind: 'commit',
        files,
        oldRev: from,
        newRev: c.info.sha,
        commit: c.info,
        blobs: repo.blobs,
        git: repo.git,
      });
      const raw = await runRules(
        { ...common, changes, status: bindingOf(index), identity: identities[index] },
        skip,
        ONE_SIDED_RULES,
      );
      const dropped = ` — a merge that took one side: it dropped the change ${from.slice(0, 7)} brought in`;
      return raw.map((f) => inCommit({ ...f, message: `${f.message}${dropped}` }, c, identities[index]));
    }),
  );
  return found.flat();
}

const DEFAULT_STATUS_FILE = 'WORK_STATUS.md';
const COMMIT_SLICE = 64;

function inCommit(f: Finding, c: RangeCommit, identity: Identity): Finding {
  const by = identity.name ? ` by ${identity.name}` : '';
  return { ...f, commit: c.info.sha, message: `${f.message} (commit ${label(c.info)}${by})` };
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

/**
 * Whether a lock path with ( ) [ ] exists as written (a Next.js route, not a glob), judged
 * at the base, which the range cannot change (README: "Glob or literal"). The listing costs a process, so it is made only when such a lock exists.
 */
async function literalPaths(
  listing: () => Promise<string[]>,
  docs: StatusDoc[],
): Promise<((p: string) => boolean) | undefined> {
  if (!docs.some((d) => d.locks.some((l) => isGlobPath(l.path)))) return undefined;
  const files = await listing();
  const known = new Set<string>();
  for (const f of files) {
    known.add(f);
    for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) known.add(f.slice(0, i));
  }
  return (p) => known.has(p.replace(/\/+$/, ''));
}

/** Unreadable lines the range adds to the status file (those already at the base are not news). */
function newStatusProblems(range: ChangeSet, base: StatusDoc, head: StatusDoc, statusFile: string): StatusProblem[] {
  if (!range.files.some((f) => f.path === statusFile)) return [];
  const before = new Set(base.problems.map((p) => p.text.trim()));
  return head.problems.filter((p) => !before.has(p.text.trim()));
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
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

/** The branch a bare repository's HEAD names: a server's default branch. */
function headBranch(gitDir: string): string | undefined {
  try {
    const m = /^ref: refs\/heads\/(\S+)/.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}
