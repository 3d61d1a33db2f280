// `orch doctor` in remote mode: can the lock branch be reached, how old is its last
// change, how old is this clone's copy, does a plain `git fetch` keep it, and are there
// offline operations waiting for `orch sync`.
import type { Config } from '../config/schema.js';
import { isOrchError } from '../errors.js';
import { readLockBranch } from '../git/readLockBranch.js';
import { ask } from '../git/runGit.js';
import { fetchRefspecsQuery } from '../git/remoteQueries.js';
import { remoteBranchTip } from '../git/remoteBranchTip.js';
import { readStatus } from '../status/readStatus.js';
import type { Diagnosis } from './diagnose.js';
import { refspecMaps } from '../git/refspecMaps.js';
import { formatAge, lastFetched } from '../remote/lockBranchAge.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import type { Repo } from '../git/openRepo.js';
import { readPending } from '../store/pendingOps.js';

export async function diagnoseRemote(repo: Repo, config: Config, now: Date = new Date()): Promise<Diagnosis[]> {
  let target: ReturnType<typeof lockBranchTarget>;
  try {
    target = lockBranchTarget(config);
  } catch (e) {
    return [
      {
        level: 'fail',
        topic: 'lock branch',
        message: isOrchError(e) ? e.message : String(e),
        fix: isOrchError(e) ? e.hint : undefined,
      },
    ];
  }
  if (!target) return [];
  const out: Diagnosis[] = [];
  const strict = config.locks.verify === 'strict';
  const listed = await remoteBranchTip(target.remote, target.branch, repo.git);
  if (listed.state === 'found') {
    const sha = listed.sha;
    const local = await readLockBranch(target.tracking, config.statusFile, repo.git);
    const current = local?.commit === sha;
    const age =
      current && local?.committedAt
        ? `last change ${formatAge(now.getTime() - local.committedAt.getTime())} ago`
        : `at ${sha.slice(0, 12)}`;
    const locks = current && local?.text ? `, ${readStatus(local.text).locks.length} lock(s)` : '';
    out.push({ level: 'ok', topic: 'lock branch', message: `${target.label} reachable, ${age}${locks}` });
    if (!current) {
      out.push({
        level: 'warn',
        topic: 'lock branch copy',
        message: local
          ? `this clone's copy of ${target.label} is behind the remote`
          : `this clone has no copy of ${target.label}: pre-commit cannot see other clones' locks`,
        fix: 'Run `orch sync`.',
      });
    }
  } else if (listed.state === 'missing') {
    out.push({
      level: 'warn',
      topic: 'lock branch',
      message: `${target.remote} is reachable but has no branch ${target.branch} yet`,
      fix: `Run \`orch init --remote ${target.remote}\` (or the first \`orch lock\` creates it).`,
    });
  } else {
    out.push({
      level: strict ? 'fail' : 'warn',
      topic: 'lock branch',
      message: `cannot reach ${target.remote} (${listed.reason}): lock operations fail${strict ? ' and pushes are blocked (locks.verify "strict")' : ''}`,
      fix: `Check the network and your access: git ls-remote ${target.remote}`,
    });
  }
  const fetchedAt = lastFetched(repo.gitDir, repo.commonDir, target);
  if (fetchedAt)
    out.push({
      level: 'ok',
      topic: 'lock branch copy',
      message: `fetched ${formatAge(now.getTime() - fetchedAt.getTime())} ago`,
    });

  const specs = await ask(fetchRefspecsQuery(target.remote), repo.git);
  if (!specs.some((s) => refspecMaps(s, `refs/heads/${target.branch}`, target.tracking))) {
    out.push({
      level: 'warn',
      topic: 'lock branch fetch',
      message: `\`git fetch ${target.remote}\` does not update ${target.label}: only orch's own commands refresh it`,
      fix: `Run \`orch init --remote ${target.remote}\` (adds +refs/heads/${target.branch}:${target.tracking}).`,
    });
  }
  try {
    const pending = readPending(repo.commonDir);
    if (pending.length) {
      out.push({
        level: 'warn',
        topic: 'offline locks',
        message: `${pending.length} operation(s) taken with --offline are not published: they bind nobody else yet`,
        fix: 'Run `orch sync`.',
      });
    }
  } catch (e) {
    out.push({
      level: 'fail',
      topic: 'offline locks',
      message: isOrchError(e) ? e.message : String(e),
      fix: isOrchError(e) ? e.hint : undefined,
    });
  }
  return out;
}
