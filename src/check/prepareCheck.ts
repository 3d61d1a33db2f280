// collect: everything the rules need besides the change itself — repository, config,
// identity, locks — gathered once and shared by pre-commit, check and guard.
import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { useGlobCache } from '../match/globMatcher.js';
import { useStatusCache } from '../status/statusParseCache.js';
import { indexFileOf, indexStamp } from '../git/indexStamp.js';
import { readIndexEntry } from '../git/readIndexEntry.js';
import { committedPathSync } from '../git/committedPathSync.js';
import type { Config } from '../config/schema.js';
import type { Context, Identity } from '../types.js';
import { loadStatus, type LoadedStatus } from '../store/loadStatus.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { parseSkip, type Skip } from './parseSkip.js';
import { resolveIdentity } from '../identity/resolveIdentity.js';
import { ensureMergeDriver } from '../store/ensureMergeDriver.js';
import type { LockBranchCopy } from '../remote/remoteLocks.js';

export interface CheckEnv {
  cwd: string;
  env: NodeJS.ProcessEnv;
  agentFlag?: string;
  now?: Date;
  /** Where the check runs (pre-commit fetches the lock branch first with locks.fetchOnCommit). */
  context?: Context;
}

export interface Prepared {
  repo: Repo;
  config: Config;
  configFile: string | null;
  identity: Identity;
  status: LoadedStatus;
  /** Remote mode: this clone's copy of the lock branch (its locks are in `status.combined`). */
  lockBranch?: LockBranchCopy;
  /** pre-commit: the staged status file, read while the rules run (see prefetchStaged). */
  stagedStatus?: PrefetchedEntry;
  skip: Skip;
  now: Date;
  existsLiterally(p: string): boolean;
}

/**
 * @param configured  the configuration to use instead of the working tree's (pre-commit:
 *   HEAD's, see committedConfig), with its repository-relative file
 */
export async function prepareCheck(
  opts: CheckEnv,
  repoPromise?: Promise<Repo>,
  configured?: { config: Config; configFile: string | null },
): Promise<Prepared> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  const repo = await (repoPromise ?? openRepo(opts.cwd));
  const driver = ensureMergeDriver(repo);
  useGlobCache(path.join(repo.commonDir, 'orch'));
  useStatusCache(path.join(repo.commonDir, 'orch'));
  const { config, filepath } = configured
    ? {
        config: configured.config,
        filepath: configured.configFile === null ? null : path.join(repo.top, configured.configFile),
      }
    : await loadConfig(repo.top, { cacheDir: path.join(repo.commonDir, 'orch') });
  const identity = identityFor(repo, config, opts);
  const stagedStatus = opts.context === 'pre-commit' ? prefetchStaged(repo, config.statusFile, opts) : undefined;
  const local = loadStatus(repo.top, repo.commonDir, repo.bare, config.statusFile);
  const now = opts.now ?? new Date();
  await driver;
  // remote mode: the lock branch binds too (loaded only when configured)
  const remote = config.locks.remote
    ? await import('../remote/remoteLocks.js').then(async (m) => {
        const copy = await m.remoteLocks(repo, config, {
          context: opts.context ?? 'check',
          now,
          fetch: opts.context === 'pre-commit' && config.locks.fetchOnCommit,
        });
        return copy && { copy, status: { ...local, combined: m.withLockBranch(local.combined, copy.doc) } };
      })
    : null;
  return {
    repo,
    config,
    configFile: filepath ? path.relative(repo.top, filepath).split(path.sep).join('/') : null,
    identity,
    status: remote?.status ?? local,
    ...(remote ? { lockBranch: remote.copy } : {}),
    ...(stagedStatus ? { stagedStatus } : {}),
    skip,
    now,
    existsLiterally: literalInHead(repo.top),
  };
}

/**
 * Whether a glob-looking lock path is a file of HEAD, remembered per path: decided by the
 * committed tree, never the working tree (see committedPathSync).
 */
function literalInHead(top: string): (p: string) => boolean {
  const known = new Map<string, boolean>();
  return (p) => {
    // only ( ) [ ] name routes (Next.js); a path with * ? { } ! is a glob without asking.
    // "no" is the safe answer: a glob lock covers its path as written anyway
    if (/[*?{}!]/.test(p)) return false;
    let yes = known.get(p);
    if (yes === undefined) {
      yes = committedPathSync(top, p);
      known.set(p, yes);
    }
    return yes;
  };
}

export function identityFor(repo: Repo, config: Config, opts: Pick<CheckEnv, 'env' | 'agentFlag'>): Identity {
  return resolveIdentity(
    {
      flag: opts.agentFlag,
      env: opts.env.ORCH_AGENT,
      gitConfig: repo.configValue('orch.agent'),
      email: opts.env.GIT_AUTHOR_EMAIL || repo.configValue('user.email'),
    },
    config,
  );
}

export interface PrefetchedEntry {
  path: string;
  /** The index file, and its stamp taken before the read began. */
  indexFile: string;
  stamp: string;
  entry: Promise<Awaited<ReturnType<typeof readIndexEntry>>>;
}

/**
 * The record step must read the staged status file under orch's lock (two commits in one
 * working directory interleave). Reading it early, while the rules run, takes a git
 * process off the commit's critical path; under the lock the index's stamp tells whether
 * the early read still holds (else it is read again).
 */
function prefetchStaged(repo: Repo, statusFile: string, opts: CheckEnv): PrefetchedEntry | undefined {
  const indexFile = indexFileOf(repo.gitDir, opts.cwd, opts.env);
  const stamp = indexStamp(indexFile);
  if (stamp === null) return undefined;
  const entry = readIndexEntry(statusFile, repo.git);
  // a failure is met again by the read under the lock
  entry.catch(() => undefined);
  return { path: statusFile, indexFile, stamp, entry };
}
