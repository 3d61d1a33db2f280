// The read side of remote mode: the lock branch's table as the checks need it.
//   pre-commit, check, guard  this clone's copy (the remote-tracking branch), no network
//                             unless locks.fetchOnCommit; a note says how old it is
//   pre-push, ci              fetched first; an unreachable remote blocks (locks.verify
//                             "strict") or warns ("warn") and the last copy is used
//   pre-receive               the server's own refs/heads/<branch>
// Null when remote mode is off.
import type { Config } from '../config/schema.js';
import { blobText } from '../git/blobReader.js';
import { fetchLockBranch } from '../git/fetchLockBranch.js';
import { ask } from '../git/runGit.js';
import { commitIdQuery } from '../git/commitIdQuery.js';
import type { Context, Lock, StatusDoc } from '../types.js';
import type { LockBranchFetchFailure } from '../rules/collected.js';
import { formatAge, lastFetched, markFetched } from './lockBranchAge.js';
import { lockBranchTarget } from './lockBranchTarget.js';
import type { Repo } from '../git/openRepo.js';
import { readStatusHead } from '../status/readStatusHead.js';

/** A copy older than this is worth a note at commit time. */
export const STALE_COPY_MS = 60 * 60 * 1000;

export interface LockBranchCopy {
  /** The ref read: refs/remotes/<remote>/<branch>, or refs/heads/<branch> on the server. */
  ref: string;
  /** "<remote>/<branch>" (or the branch, on the server), for messages. */
  label: string;
  /** The shared table; null when there is no copy to read. */
  doc: StatusDoc | null;
  /** Said beside the findings: how old the copy is, that there is none. */
  notes: string[];
  /** An unreachable remote where it matters (pre-push, ci): lock-conflict reports it. */
  fetchFailure?: LockBranchFetchFailure;
}

export interface RemoteLocksOptions {
  context: Context;
  now: Date;
  /** Fetch the lock branch before reading it (pre-push, ci, fetchOnCommit). */
  fetch?: boolean;
}

const EMPTY: StatusDoc = { locks: [], reviews: [], problems: [], steals: [] };

export async function remoteLocks(
  repo: Repo,
  config: Config,
  opts: RemoteLocksOptions,
): Promise<LockBranchCopy | null> {
  const target = lockBranchTarget(config);
  if (!target) return null;
  const server = opts.context === 'pre-receive' || repo.bare;
  const ref = server ? `refs/heads/${target.branch}` : target.tracking;
  const label = server ? target.branch : target.label;
  const copy: LockBranchCopy = { ref, label, doc: null, notes: [] };

  let fresh = false;
  if (opts.fetch && !server) {
    const outcome = await fetchLockBranch(target.remote, target.branch, target.tracking, repo.git);
    if (outcome.state === 'fetched') {
      markFetched(repo.commonDir, target);
      fresh = true;
    } else if (outcome.state === 'missing') {
      copy.doc = EMPTY;
      copy.notes.push(
        `${target.branch} does not exist on ${target.remote} yet: no shared locks to check (\`orch init --remote ${target.remote}\` or the first \`orch lock\` creates it).`,
      );
      return copy;
    } else {
      const blocking = (opts.context === 'pre-push' || opts.context === 'ci') && config.locks.verify === 'strict';
      const age = lastFetched(repo.gitDir, repo.commonDir, target);
      copy.fetchFailure = {
        remote: target.remote,
        branch: target.branch,
        reason: outcome.reason,
        blocking,
        copyAge: age ? formatAge(opts.now.getTime() - age.getTime()) : null,
      };
    }
  }

  const text = blobText(await repo.blobs(`${ref}:${config.statusFile}`));
  if (text !== null) {
    copy.doc = readStatusHead(text, `${label}:${config.statusFile}`);
  } else if (await refExists(repo, ref)) {
    // a lock branch without the status file holds no locks
    copy.doc = EMPTY;
  } else if (!server) {
    copy.notes.push(
      `no copy of the lock branch ${label} in this clone yet: locks taken in other clones are not checked here until \`orch sync\` (or \`git fetch ${target.remote}\`) brings it.`,
    );
  }
  if (!server && !fresh && copy.doc) {
    const at = lastFetched(repo.gitDir, repo.commonDir, target);
    const age = at ? opts.now.getTime() - at.getTime() : null;
    if (age !== null && age > STALE_COPY_MS) {
      copy.notes.push(
        `the copy of the lock branch ${label} is ${formatAge(age)} old: locks taken since are not checked here. \`orch sync\` refreshes it.`,
      );
    }
  }
  return copy;
}

/** Local locks together with the lock branch's, each lock once. */
export function withLockBranch(local: StatusDoc, shared: StatusDoc | null): StatusDoc {
  if (!shared || shared.locks.length === 0) return local;
  const key = (l: Lock) => `${l.path}\0${l.agent.toLowerCase()}\0${l.task ?? ''}\0${l.expires ?? ''}`;
  const seen = new Set(local.locks.map(key));
  const locks = [...local.locks];
  for (const l of shared.locks) {
    if (seen.has(key(l))) continue;
    seen.add(key(l));
    locks.push(l);
  }
  return { ...local, locks };
}

async function refExists(repo: Repo, ref: string): Promise<boolean> {
  return (await ask(commitIdQuery(ref), repo.git)) !== null;
}
