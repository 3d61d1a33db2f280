// pre-push, CI, pre-receive and `orch check --range`: every rule, commit by commit, over
// what a push or pull request brings — whatever skipped pre-commit (--no-verify, a clean
// merge, a rebase) meets the same rules here. Configuration and the locks of the target
// come from the base: the head is untrusted.
import os from 'node:os';
import { loadConfig } from '../config/loadConfig.js';
import { allowedSigners } from './allowedSigners.js';
import { signaturesQuery } from '../git/signaturesQuery.js';
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { blobText } from '../git/blobReader.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import { lsFilesQuery } from '../git/lsFilesQuery.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { ask } from '../git/runGit.js';
import { isGlobPath } from '../locks/lockIndex.js';
import type { Report } from '../report/report.js';
import type { RuleInput } from '../rules/rule.js';
import { RULES } from '../rules/registry.js';
import type { ChangeSet, CommitInfo, Context, Finding, Identity, Lock, StatusDoc } from '../types.js';
import { collectRange, type CollectedRange, type RangeRequest } from './collectRange.js';
import { commitIdentity } from './commitIdentity.js';
import { sameAgent } from './resolveIdentity.js';
import { configAtRevision, type RevisionConfig } from './configAtRevision.js';
import { openRepo, type Repo } from './openRepo.js';
import { parseSkip, type Skip } from './parseSkip.js';
import { label, rangeNotes } from './rangeNotes.js';
import { runRules, statusParseFindings } from './runRules.js';
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
export async function checkRanges(opts: Omit<CheckRangeOptions, 'range' | 'base' | 'head' | 'known' | 'branch' | 'missingBase'>, requests: RangeRequest[]): Promise<Report> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  if (requests.length === 0) return emptyReport(opts.context, skip);
  const repo = await openRepo(opts.cwd);
  const lockBranch = requests.some((r) => r.branch) ? await lockBranchOf(repo, opts.remote) : null;
  const results: RangeResult[] = [];
  // one after another: each range's reads then share few cat-file processes, and the
  // second range mostly hits the blob cache of the first
  for (const request of requests) {
    results.push(lockBranch?.is(request) ? await lockBranch.check(request, opts) : await checkRangeIn(repo, request, opts));
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
    check: (request: RangeRequest, opts: Pick<CheckRangeOptions, 'env' | 'context' | 'now'>): Promise<RangeResult> => checkLockBranch(repo, request, found.config, opts),
  };
}

export function requestFrom(opts: Pick<CheckRangeOptions, 'range' | 'base' | 'head' | 'known' | 'branch' | 'missingBase'>): RangeRequest {
  if (opts.range !== undefined) {
    const m = /^(.*?)\.\.\.?(.*)$/.exec(opts.range.trim());
    if (!m) {
      throw new OrchError(`--range ${JSON.stringify(opts.range)}: expected A..B (the commits reachable from B and not from A).`, {
        hint: 'For example: orch check --range origin/main..HEAD',
      });
    }
    return { base: m[1] || 'HEAD', head: m[2] || 'HEAD', branch: opts.branch, missingBase: 'error' };
  }
  return { base: opts.base ?? null, head: opts.head ?? 'HEAD', known: opts.known, branch: opts.branch, missingBase: opts.missingBase ?? 'error' };
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
  if (raw.length === 0) return { ...emptyResult(opts.context, skip, collected), commits: [], range: rangeSet(repo, collected, []) };

  // configuration and status files: every revision's copy requested at once (one cat-file)
  const configRev = collected.base ?? (repo.bare ? 'HEAD' : null);
  const revisionConfig: Promise<RevisionConfig> = configRev
    ? configAtRevision(repo.blobs, configRev, path.join(repo.commonDir, 'orch'))
    : Promise.resolve().then(async () => {
        const { config, filepath } = await loadConfig(repo.top);
        return { config, configFile: filepath ? relativeTo(repo.top, filepath) : null };
      });
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
  const { config, configFile } = await revisionConfig;
  if (config.identity.signed) await attachSignatures(repo, raw, config, configRev);

  // remote mode: the lock branch binds — fetched for pre-push and CI, the server's own on pre-receive
  const sharedCopy = config.locks.remote
    ? import('./remoteLocks.js').then((m) => m.remoteLocks(repo, config, { context: opts.context, now, fetch: opts.context === 'pre-push' || opts.context === 'ci' }))
    : null;

  const history = config.statusFile === DEFAULT_STATUS_FILE ? guess : historyOf(config.statusFile);
  // the head's file list, for locks with ( ) [ ] (see literalPaths): asked as soon as the
  // base has such a lock, while the rest of the range's status files are read
  const listing = once(() => ask(lsFilesQuery(collected.head), repo.git));
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
  const shared = lockCopy?.doc ?? null;

  const identities = raw.map((c) => commitIdentity(c.info, config));
  const commitSets = raw.map((c, i) =>
    gitChangeSet({
      kind: 'commit',
      files: c.files,
      oldRev: c.info.parents[0] ?? null,
      newRev: c.info.sha,
      commit: c.info,
      blobs: repo.blobs,
      git: repo.git,
      insertions: insertions[i],
    }),
  );
  const range = rangeSet(repo, collected, commitSets);
  const existsLiterally = await literalPaths(listing, [baseDoc, headDoc, ...parentDocs, ...(shared ? [shared] : [])]);

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

  const findings: Finding[] = [];
  if (lockCopy && !skip.all && !skip.rules.includes('lock-conflict')) findings.push(...lockCopy.findings);
  if (!skip.all) {
    // load the rules first, so that the reads of all commits leave in the same batches
    await Promise.all(RULES.map((r) => r.load()));
    // commits in slices: their reads still share cat-file batches, while what a slice
    // reads (a thousand status files in a long range) is not all held at once
    const perCommit: Finding[][] = [];
    for (let from = 0; from < raw.length; from += COMMIT_SLICE) {
      const slice = raw.slice(from, from + COMMIT_SLICE);
      perCommit.push(
        ...(await Promise.all(
          slice.map((c, k) => {
            const i = from + k;
            const status = shared
              ? sharedBinding(shared, parentDocs[i], ownDocs[i], identities[i])
              : bindingStatus(baseDoc, parentDocs[i], ownDocs[i], identities[i]);
            return runRules({ ...common, changes: commitSets[i], status, identity: identities[i] }, skip, COMMIT_RULES).then((found) =>
              found.map((f) => inCommit(f, c, identities[i])),
            );
          }),
        )),
      );
    }
    findings.push(...perCommit.flat());
    const headIdentity = identities[identities.length - 1];
    const whole = await runRules(
      {
        ...common,
        changes: range,
        // approvals are read at the head: each commit that recorded one was judged above
        status: { locks: shared ? shared.locks : baseDoc.locks, reviews: headDoc.reviews, problems: [], steals: [] },
        identity: headIdentity,
      },
      skip,
      [...RANGE_RULES],
    );
    findings.push(...whole);
    findings.push(...newStatusProblems(range, baseDoc, headDoc, config));
  }

  const agents = new Set(identities.map((i) => i.name ?? ''));
  const report: Report = {
    ok: !findings.some((f) => f.severity === 'error'),
    context: opts.context,
    agent: agents.size === 1 ? identities[0].name : null,
    findings: dedupe(findings),
    ...(skip.all || skip.rules.length ? { skipped: skip } : {}),
  };
  const notes = [...(collected.fetched ? [collected.fetched] : []), ...(lockCopy?.notes ?? []), ...rangeNotes(raw.map((c) => c.info))];
  if (notes.length) report.notes = notes;
  return { report, commits: commitSets, range, base: collected.base, head: collected.head, fetched: collected.fetched, ...(lockCopy?.notes.length ? { lockNotes: lockCopy.notes } : {}) };
}

const DEFAULT_STATUS_FILE = 'WORK_STATUS.md';
const COMMIT_SLICE = 64;

/**
 * The locks binding a commit: the target's (at the base) and those at its first parent —
 * a commit cannot free a file by deleting another agent's lock in the same commit. The
 * committer's own locks as the commit leaves them count too: locking a contract and
 * changing it in one commit is how an owner works (what pre-commit saw as well).
 */
function bindingStatus(base: StatusDoc, parent: StatusDoc, own: StatusDoc, who: Identity): StatusDoc {
  // a commit that leaves the table as its parent had it adds no lock of its own
  const mine = own === parent || own === base ? [] : own.locks.filter((l) => sameAgent(l.agent, who.name));
  if (parent === base && mine.length === 0) return asBinding(base);
  const seen = new Set<string>();
  const locks: Lock[] = [];
  for (const l of [...base.locks, ...parent.locks, ...mine]) {
    const key = `${l.path}\0${l.agent.toLowerCase()}\0${l.task ?? ''}\0${l.expires ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locks.push(l);
  }
  return { locks, reviews: parent.reviews, problems: [], steals: [] };
}

/** One binding object per table: rules that index its locks then do it once per table, not per commit. */
const bindings = new WeakMap<StatusDoc, StatusDoc>();
function asBinding(doc: StatusDoc): StatusDoc {
  let b = bindings.get(doc);
  if (!b) bindings.set(doc, (b = { ...doc, problems: [] }));
  return b;
}

/**
 * Remote mode: the lock branch's table binds in place of the rows committed to the status
 * file (a view of it, possibly stale); the committer's own locks as the commit leaves
 * them still count for the owner rules.
 */
function sharedBinding(shared: StatusDoc, parent: StatusDoc, own: StatusDoc, who: Identity): StatusDoc {
  const mine = own.locks.filter((l) => sameAgent(l.agent, who.name));
  return { locks: mine.length ? [...shared.locks, ...mine] : shared.locks, reviews: parent.reviews, problems: [], steals: [] };
}

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
 * at the head. The listing costs a process, so it is made only when such a lock exists.
 */
async function literalPaths(listing: () => Promise<string[]>, docs: StatusDoc[]): Promise<((p: string) => boolean) | undefined> {
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
function newStatusProblems(range: ChangeSet, base: StatusDoc, head: StatusDoc, config: RuleInput['config']): Finding[] {
  if (!range.files.some((f) => f.path === config.statusFile)) return [];
  const before = new Set(base.problems.map((p) => p.text.trim()));
  const fresh = head.problems.filter((p) => !before.has(p.text.trim()));
  return statusParseFindings({ ...head, problems: fresh }, config.statusFile, config);
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.commit ?? '', f.rule, f.path ?? '', f.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One report for the ranges of one push: findings once each, notes over all commits. */
export function mergeResults(results: RangeResult[], context: Context): Report {
  const reports = results.map((r) => r.report);
  const findings = dedupe(reports.flatMap((r) => r.findings));
  const commits = new Map<string, CommitInfo>();
  for (const r of results) for (const c of r.commits) if (c.commit) commits.set(c.commit.sha, c.commit);
  const notes = [...new Set(results.flatMap((r) => [...(r.fetched ? [r.fetched] : []), ...(r.lockNotes ?? [])])), ...rangeNotes([...commits.values()])];
  const agents = new Set(reports.filter((r) => r.findings.length || r.agent).map((r) => r.agent));
  const skipped = reports.find((r) => r.skipped)?.skipped;
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    context,
    agent: agents.size === 1 ? [...agents][0] : null,
    findings,
    ...(skipped ? { skipped } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

function emptyReport(context: Context, skip: Skip): Report {
  return { ok: true, context, agent: null, findings: [], ...(skip.all || skip.rules.length ? { skipped: skip } : {}) };
}

function emptyResult(context: Context, skip: Skip, collected: CollectedRange): Omit<RangeResult, 'commits' | 'range'> {
  const report = emptyReport(context, skip);
  if (collected.fetched) report.notes = [collected.fetched];
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

function relativeTo(top: string, file: string): string {
  return path.relative(top, file).split(path.sep).join('/');
}


/**
 * identity.signed: ask git for every commit's signature in one process, with an
 * allowed-signers file built from the base revision's configuration.
 */
async function attachSignatures(repo: Repo, raw: RangeCommit[], config: RevisionConfig['config'], configRev: string | null): Promise<void> {
  const fileText = config.identity.allowedSigners
    ? configRev
      ? blobText(await repo.blobs(`${configRev}:${config.identity.allowedSigners}`))
      : readOrNull(path.join(repo.top, config.identity.allowedSigners))
    : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-signers-'));
  try {
    const file = path.join(dir, 'allowed_signers');
    fs.writeFileSync(file, allowedSigners(config, fileText));
    const input = raw.map((c) => c.info.sha).join('\n') + '\n';
    const signatures = await ask(signaturesQuery(file), { ...repo.git, input });
    for (const c of raw) c.info.signature = signatures.get(c.info.sha) ?? { status: 'N', key: '', signer: '' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
