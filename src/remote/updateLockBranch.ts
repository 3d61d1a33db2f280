// The write path of remote mode. One operation on the shared lock table:
//   fetch the lock branch → read its WORK_STATUS.md → check and edit the text → write
//   blob, tree and commit (authored as the agent) → push fast-forward only.
// The fast-forward push is the compare-and-swap: when someone else's commit landed first
// it is rejected, and the whole cycle runs again on the new table — so a conflict that
// appeared meanwhile is found — after a jittered, growing pause, a bounded number of
// times. Operations of one clone queue behind a lock file of their own, so a clone sends
// one contender to the remote at a time. The user's index and working tree are never
// touched, except for the local WORK_STATUS.md lock view refreshed at the end.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { OrchError } from '../errors.js';
import { withFileLock } from '../fs/withFileLock.js';
import { fetchLockBranch } from '../git/fetchLockBranch.js';
import { pushLockBranch } from '../git/pushLockBranch.js';
import { readLockBranch, type LockBranchTip } from '../git/readLockBranch.js';
import { updateRef } from '../git/updateRef.js';
import { writeLockCommit } from '../git/writeLockCommit.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { readStatus } from '../status/readStatus.js';
import { agentEmail } from '../identity/agentEmail.js';
import { backoffDelay } from './backoffDelay.js';
import { markFetched } from './lockBranchAge.js';
import { lockBranchTarget, type LockBranchTarget } from './lockBranchTarget.js';
import type { LoadedStatus } from '../store/loadStatus.js';
import type { Repo } from '../git/openRepo.js';
import { refreshLockView } from './refreshLockView.js';

export const MAX_ATTEMPTS = 20;
export const MAX_RETRY_MS = 45_000;
/** How long an operation waits for the other operations of this clone. */
const QUEUE_TIMEOUT_MS = 180_000;

export interface LockBranchUpdate<T> {
  agent: string;
  /** Names the operation in messages: "lock api/openapi.yaml". */
  what: string;
  /** The edit on the lock branch's text; `text: null` (or the same text) publishes nothing. */
  edit(current: LoadedStatus): { text: string | null; result: T };
  /** The commit message's subject for what the edit did. */
  message(result: T): string;
  /** Bookkeeping for the local file besides the lock rows (a Log entry, a review row). */
  local?(current: LoadedStatus, result: T): string | null;
  /** Whether the command takes --offline (said when the remote cannot be reached). */
  offlineFlag?: boolean;
}

export interface Published<T> {
  result: T;
  target: LockBranchTarget;
  /** The lock branch commit the result stands on: the new one when something was published. */
  commit: string | null;
  published: boolean;
  attempts: number;
}

/** What a command reports of a lock-branch update: where the locks went. */
export function remoteOutcomeOf(p: Published<unknown>): {
  state: 'published' | 'unchanged';
  label: string;
  commit: string | null;
  attempts: number;
} {
  return {
    state: p.published ? 'published' : 'unchanged',
    label: p.target.label,
    commit: p.commit,
    attempts: p.attempts,
  };
}

export function remoteLockPath(repo: Pick<Repo, 'commonDir'>): string {
  return path.join(repo.commonDir, 'orch', 'remote.lock');
}

export async function updateLockBranch<T>(
  repo: Repo,
  config: Config,
  update: LockBranchUpdate<T>,
): Promise<Published<T>> {
  const target = lockBranchTarget(config);
  if (!target) throw new Error('updateLockBranch: remote mode is off (no locks.remote)');
  return withFileLock(remoteLockPath(repo), () => cycle(repo, config, target, update), { timeoutMs: QUEUE_TIMEOUT_MS });
}

async function cycle<T>(
  repo: Repo,
  config: Config,
  target: LockBranchTarget,
  update: LockBranchUpdate<T>,
): Promise<Published<T>> {
  const started = Date.now();
  let lastReason = '';
  let slotMs = 0;
  for (let attempt = 1; ; attempt++) {
    const cycleStart = Date.now();
    const fetched = await fetchLockBranch(target.remote, target.branch, target.tracking, repo.git);
    if (fetched.state === 'unreachable') throw unreachableError(target, fetched.reason, update);
    if (fetched.state === 'busy') {
      lastReason = fetched.reason;
    } else {
      markFetched(repo.commonDir, target);
      const tip: LockBranchTip | null =
        fetched.state === 'missing' ? null : await readLockBranch(target.tracking, config.statusFile, repo.git);
      const text = tip?.text ?? CANONICAL_STATUS;
      const current = loadedFrom(text, config, target);
      const { text: next, result } = update.edit(current);
      if (next === null || next === text) {
        await refresh(repo, config, current, result, update);
        return { result, target, commit: tip?.commit ?? null, published: false, attempts: attempt };
      }
      const commit = await writeLockCommit(
        {
          statusFile: config.statusFile,
          text: next,
          tree: tip?.tree ?? [],
          parent: tip?.commit ?? null,
          message: `${update.message(result)}\n\nAgent: ${update.agent}\n`,
          author: { name: update.agent, email: agentEmail(update.agent, config) },
        },
        repo.git,
      );
      const pushed = await pushLockBranch(target.remote, commit, target.branch, repo.git);
      if (pushed.state === 'pushed') {
        // the push updates the remote-tracking ref only when a fetch refspec maps it
        await updateRef(target.tracking, commit, repo.git, { message: 'orch: published', bestEffort: true });
        await refresh(repo, config, loadedFrom(next, config, target), result, update);
        return { result, target, commit, published: true, attempts: attempt };
      }
      if (pushed.state === 'unreachable') throw unreachableError(target, pushed.reason, update);
      if (pushed.state === 'declined') {
        throw new OrchError(
          `${target.remote} refused the update of the lock branch ${target.branch} (${update.what}):\n  ${pushed.reason.replace(/\n/g, '\n  ')}`,
          {
            hint: 'The server checks every lock-branch commit (status-integrity); nothing was changed.',
            exitCode: 1,
          },
        );
      }
      lastReason = pushed.reason;
    }
    slotMs = Date.now() - cycleStart;
    if (attempt >= MAX_ATTEMPTS || Date.now() - started >= MAX_RETRY_MS) {
      throw new OrchError(
        `could not ${update.what}: the lock branch ${target.label} kept changing under this operation (${attempt} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s; last: ${lastReason || 'rejected'}). Nothing was changed.`,
        { hint: 'Many agents are updating locks at once: run the command again in a moment.' },
      );
    }
    await new Promise((r) => setTimeout(r, backoffDelay(attempt - 1, Math.random, slotMs)));
  }
}

function loadedFrom(text: string, config: Config, target: LockBranchTarget): LoadedStatus {
  const doc = readStatus(text, { source: config.statusFile });
  return { combined: doc, own: doc, ownText: text, ownPath: `${target.label}:${config.statusFile}` };
}

async function refresh<T>(
  repo: Repo,
  config: Config,
  remote: LoadedStatus,
  result: T,
  update: LockBranchUpdate<T>,
): Promise<void> {
  await refreshLockView(
    repo,
    config,
    remote.combined.locks,
    update.local ? (current) => update.local!(current, result) : undefined,
  );
}

export function unreachableError(
  target: LockBranchTarget,
  reason: string,
  update: Pick<LockBranchUpdate<unknown>, 'what' | 'offlineFlag'>,
): OrchError {
  return new OrchError(
    `cannot ${update.what}: the lock branch ${target.branch} on remote "${target.remote}" cannot be reached (${reason}). Nothing was changed.`,
    {
      hint: [
        `Check the network and your access (\`git fetch ${target.remote}\`), then run the command again.`,
        update.offlineFlag
          ? `Or add --offline to record it in this clone only: it binds nobody else until \`orch sync\` publishes it.`
          : `Run \`orch sync\` once ${target.remote} can be reached.`,
      ].join('\n  '),
    },
  );
}
