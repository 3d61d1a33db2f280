// Leases that follow activity: with expiring locks (locks.ttl, or an Expires cell), an
// agent's edit under its own lock takes it again for the lease's length (Since becomes
// now, and Expires, where the row has one, now + the length it had) — at
// most once per locks.renewEvery, so a busy agent does not rewrite the status file on
// every edit. An agent that went away stops renewing, and its locks lapse. Off with
// `"renewEvery": "off"`, and without expiring locks there is nothing to renew.
import type { Config } from '../config/schema.js';
import { formatStatusTime, lockExpiry } from '../locks/lockTimes.js';
import { renewalOf } from './leaseRenewal.js';

export { renewalOf };
import { addLock } from '../status/addLock.js';
import { removeLocks } from '../status/removeLocks.js';
import type { Lock } from '../types.js';
import type { Repo } from '../git/openRepo.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { updateStatus } from '../store/updateStatus.js';

export interface Renewal {
  path: string;
  expires: string;
}

/** Rewrites the agent's own lock row with its renewed times (under the status lock). */
export async function renewLease(
  repo: Repo,
  config: Config,
  agent: string,
  lock: Lock,
  now: Date,
): Promise<Renewal | null> {
  if (lock.source && lock.source !== config.statusFile) return null; // another worktree's file
  return updateStatus(repo, config, (current) => {
    const same = (l: Lock) => sameAgent(l.agent, agent) && l.path === lock.path && (l.task ?? '') === (lock.task ?? '');
    const mine = current.own.locks.find(same);
    const next = mine ? renewalOf(mine, config, now) : null;
    if (!mine || !next) return { text: null, result: null };
    const { text, removed } = removeLocks(current.ownText ?? '', (l) => same(l) && l.line === mine.line);
    if (removed.length !== 1) return { text: null, result: null };
    const out = addLock(text, {
      path: mine.path,
      agent: mine.agent,
      task: mine.task,
      since: next.since ?? '',
      expires: next.expires,
      note: mine.note,
    });
    return {
      text: out,
      result: {
        path: mine.path,
        expires: next.expires ?? formatStatusTime(lockExpiry({ ...mine, since: next.since }, config.locks.ttl)!),
      },
    };
  });
}
