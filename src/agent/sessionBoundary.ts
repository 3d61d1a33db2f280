// Session boundaries: "update both files when completing tasks", made automatic.
//
// stop: an agent about to stop while it holds locks over uncommitted changes, or holds
// the locks of a task whose work is committed but not finished (`orch done`, the index),
// is told the exact commands — once: the harness says when its stop hook already blocked
// in this turn (stop_hook_active, Cursor's loop_count), and then orch lets it stop.
//
// end: the auto-locks this session took (locks.autoLock) over which nothing is left
// uncommitted are released; those with uncommitted work stay, for the commit hook and
// the next session to see.
import { buildLockIndex } from '../locks/lockIndex.js';
import { isExpired } from '../locks/lockTimes.js';
import { removeLocks } from '../status/removeLocks.js';
import { commitsSinceQuery, dirtyPathsQuery } from '../git/dirtyPathsQuery.js';
import { ask } from '../git/runGit.js';
import { shellQuote } from '../shellQuote.js';
import type { Lock } from '../types.js';
import { prepareCheck, type CheckEnv, type Prepared } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { takenInSession } from './sessionLocks.js';
import { AUTO_LOCK_TASK } from './guardCore.js';
import { updateStatus } from '../store/updateStatus.js';

export interface StopCheck {
  /** The message for the model, or null when it may stop. */
  reason: string | null;
}

/** Own active locks, split by whether uncommitted changes lie under them. */
async function ownLocks(prepared: Prepared): Promise<{ mine: Lock[]; dirtyUnder: Map<Lock, string[]> }> {
  const { repo, config, identity, now } = prepared;
  const mine = prepared.status.combined.locks.filter(
    (l) => sameAgent(l.agent, identity.name) && !isExpired(l, now, config.locks.ttl),
  );
  const dirtyUnder = new Map<Lock, string[]>();
  if (!mine.length) return { mine, dirtyUnder };
  const dirty = (await ask(dirtyPathsQuery, repo.git)).filter((p) => p !== config.statusFile);
  for (const lock of mine) {
    const index = buildLockIndex([lock], { ignoreCase: repo.ignoreCase, existsLiterally: prepared.existsLiterally });
    const under = dirty.filter((p) => index.match(p).length > 0);
    if (under.length) dirtyUnder.set(lock, under);
  }
  return { mine, dirtyUnder };
}

export async function checkStop(
  opts: CheckEnv & { sessionId: string | null; stopHookActive: boolean },
): Promise<StopCheck> {
  if (opts.stopHookActive) return { reason: null }; // blocked once already: never a loop
  const prepared = await prepareCheck(opts);
  const { identity, config, repo } = prepared;
  if (!identity.isAgent || !identity.name) return { reason: null };
  const { mine, dirtyUnder } = await ownLocks(prepared);
  if (!mine.length) return { reason: null };

  const uncommitted = [...new Set([...dirtyUnder.values()].flat())];
  const unfinished = new Set<string>();
  for (const lock of dirtyUnder.keys()) if (lock.task && lock.task !== AUTO_LOCK_TASK) unfinished.add(lock.task);
  // committed but not finished: a task's locks with nothing uncommitted under them, and a
  // commit since the lock was taken that touched them (the session's own auto-locks are
  // released at its end instead)
  for (const lock of mine) {
    if (dirtyUnder.has(lock) || !lock.task || lock.task === AUTO_LOCK_TASK || unfinished.has(lock.task) || !lock.since)
      continue;
    const commits = await ask(commitsSinceQuery(lock.since, [lock.path]), repo.git).catch(() => []);
    if (commits.length) unfinished.add(lock.task);
  }
  if (!uncommitted.length && !unfinished.size) return { reason: null };

  const steps: string[] = [];
  const tasks = [...unfinished];
  if (uncommitted.length) {
    const shown = uncommitted.slice(0, 20).map(shellQuote).join(' ');
    const label = tasks[0] ?? 'work';
    steps.push(
      `commit your work under your locks: git add -- ${shown}${uncommitted.length > 20 ? ' …' : ''} && git commit -m "${label}: <what you did>"`,
    );
  }
  for (const task of tasks) {
    steps.push(
      `if task ${task} is finished: update ${config.indexFile}, run orch done ${shellQuote(task)}, then git add -- ${shellQuote(config.indexFile)} ${shellQuote(config.statusFile)} && git commit -m "${task}: done"`,
    );
  }
  const reason = [
    `orch: before you stop, ${identity.name}, finish the protocol:`,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    'If you are not done, say what remains; your locks stay yours.',
  ].join('\n');
  return { reason };
}

export interface EndResult {
  released: Lock[];
  kept: Lock[];
}

export async function endSession(opts: CheckEnv & { sessionId: string | null }): Promise<EndResult> {
  const prepared = await prepareCheck(opts);
  const { identity, repo, config } = prepared;
  if (!identity.name || !opts.sessionId) return { released: [], kept: [] };
  const { mine, dirtyUnder } = await ownLocks(prepared);
  const taken = mine.filter((l) => takenInSession(l, opts.sessionId));
  if (!taken.length) return { released: [], kept: [] };
  const kept = taken.filter((l) => dirtyUnder.has(l));
  const free = new Set(taken.filter((l) => !dirtyUnder.has(l)).map((l) => `${l.path}\0${l.note}`));
  if (!free.size) return { released: [], kept };
  const released = await updateStatus(repo, config, (current) => {
    const { text, removed } = removeLocks(
      current.ownText ?? '',
      (l) => sameAgent(l.agent, identity.name) && free.has(`${l.path}\0${l.note}`),
    );
    return { text: removed.length ? text : null, result: removed };
  });
  return { released, kept };
}
