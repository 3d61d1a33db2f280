// collect: everything the rules need besides the change itself — repository, config,
// identity, locks — gathered once and shared by pre-commit, check and guard.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { useGlobCache } from '../match/globMatcher.js';
import { useStatusCache } from '../status/statusParseCache.js';
import type { Config } from '../config/schema.js';
import type { Context, Identity } from '../types.js';
import { loadStatus, type LoadedStatus } from './loadStatus.js';
import { openRepo, type Repo } from './openRepo.js';
import { parseSkip, type Skip } from './parseSkip.js';
import { resolveIdentity } from './resolveIdentity.js';
import type { LockBranchCopy } from './remoteLocks.js';

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
  skip: Skip;
  now: Date;
  existsLiterally(p: string): boolean;
}

export async function prepareCheck(opts: CheckEnv, repoPromise?: Promise<Repo>): Promise<Prepared> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  const repo = await (repoPromise ?? openRepo(opts.cwd));
  useGlobCache(path.join(repo.commonDir, 'orch'));
  useStatusCache(path.join(repo.commonDir, 'orch'));
  const { config, filepath } = await loadConfig(repo.top, { cacheDir: path.join(repo.commonDir, 'orch') });
  const identity = identityFor(repo, config, opts);
  const local = loadStatus(repo.top, repo.commonDir, repo.bare, config.statusFile);
  const now = opts.now ?? new Date();
  // remote mode: the lock branch binds too (loaded only when configured)
  const remote = config.locks.remote
    ? await import('./remoteLocks.js').then(async (m) => {
        const copy = await m.remoteLocks(repo, config, { context: opts.context ?? 'check', now, fetch: opts.context === 'pre-commit' && config.locks.fetchOnCommit });
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
    skip,
    now,
    existsLiterally: (p) => fs.existsSync(path.join(repo.top, p)),
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

