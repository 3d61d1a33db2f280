// pre-commit reads the working tree's status file, which anyone can edit without staging
// it: a lock row deleted there (or hidden, or rewritten) would stop binding for the very
// commit that then changes the locked file. So the locks of HEAD and the index bind too,
// unless orch released them: its own write (releaseJournal), a steal recorded in the
// working tree's Log, or a removal already committed (then HEAD no longer has the lock).
import type { Config } from '../config/schema.js';
import { gitBlobId } from '../compose/gitBlobId.js';
import { blobText } from '../git/blobReader.js';
import type { Lock, StatusDoc } from '../types.js';
import type { DroppedLock } from '../rules/collected.js';
import type { LoadedStatus } from '../store/loadStatus.js';
import type { Repo } from '../git/openRepo.js';
import { readStatusHead } from '../status/readStatusHead.js';
import { readReleases, releaseKey } from '../store/releaseJournal.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { readSteals } from '../status/readSteals.js';

export interface CommittedLocks {
  /** Locks of other agents that HEAD or the index holds and the working tree lost by hand. */
  locks: Lock[];
  /** Each such lock and where it still is: status-integrity warns why it still binds. */
  dropped: DroppedLock[];
}

const NONE: CommittedLocks = { locks: [], dropped: [] };

/**
 * @param staged the index's copy of the status file (sha and text), or null when it has none
 */
export async function committedLocks(
  repo: Repo,
  config: Config,
  local: LoadedStatus,
  staged: { sha: string; text: string | null } | null,
  committer: string | null,
): Promise<CommittedLocks> {
  // remote mode: the lock branch binds, the file's rows are only a view of it
  if (config.locks.remote) return NONE;
  const ownText = local.ownText;
  // the common case costs one hash: the working tree is what the index holds, and what
  // the index changed against HEAD is judged by status-integrity
  if (ownText !== null && staged && staged.sha === gitBlobId(ownText, staged.sha.length === 64 ? 'sha256' : 'sha1'))
    return NONE;
  const headText = blobText(await repo.blobs(`HEAD:${config.statusFile}`));
  const kept = new Set(local.own.locks.map(bindingKey(config)));
  const gone = new Map<string, DroppedLock>();
  for (const [text, where] of [
    [headText, 'HEAD'],
    [staged?.text ?? null, 'the index'],
  ] as const) {
    if (text === null) continue;
    for (const l of readStatusHead(text, config.statusFile).locks) {
      const key = bindingKey(config)(l);
      if (!kept.has(key) && !gone.has(key) && !sameAgent(l.agent, committer)) gone.set(key, { lock: l, where });
    }
  }
  if (gone.size === 0) return NONE;
  const released = readReleases(repo.commonDir);
  const steals = ownText === null ? [] : readSteals(ownText);
  const out: CommittedLocks = { locks: [], dropped: [] };
  for (const { lock, where } of gone.values()) {
    if (released.has(releaseKey(lock))) continue;
    if (
      steals.some(
        (s) =>
          sameAgent(s.from, lock.agent) &&
          s.path.replace(/\/+$/, '') === lock.path.replace(/\/+$/, '') &&
          s.reason.trim(),
      )
    )
      continue;
    out.locks.push({ ...lock, source: `${where === 'HEAD' ? 'HEAD' : ''}:${config.statusFile}` });
    out.dropped.push({ lock, where });
  }
  return out;
}

/** What makes two readings the same lock: every cell that decides whether and until when it binds. */
function bindingKey(config: Config): (l: Lock) => string {
  return (l) =>
    [
      l.path.trim().replace(/\/+$/, ''),
      l.agent.trim().replace(/^@+/, '').toLowerCase(),
      (l.task ?? '').trim(),
      (l.expires ?? '').trim(),
      config.locks.ttl ? (l.since ?? '').trim() : '',
    ].join('\0');
}

/** The status a staged check binds to: the working tree's locks and those committedLocks keeps. */
export function withCommitted(status: StatusDoc, extra: Lock[]): StatusDoc {
  return extra.length ? { ...status, locks: [...status.locks, ...extra] } : status;
}
