// The lock table is only worth something if an agent cannot delete someone else's lock
// by hand and then commit into the file it freed. An edit of the status file may add or
// remove the committer's own locks; anything that takes away another agent's lock or
// review, or rewrites history in the log, needs a recorded steal (or is an error).
import { sameAgent } from '../engine/resolveIdentity.js';
import { isExpired } from '../locks/lockTimes.js';
import { shellQuote } from '../shellQuote.js';
import { logEntries, type LogEntry } from '../text/logEntries.js';
import { readStatus } from '../status/readStatus.js';
import { readSteals } from '../status/readSteals.js';
import type { Lock, RawFinding, Review, StatusDoc, Steal } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

/** The status readers the rule needs; loaded lazily, only when the status file changed. */
export interface StatusReaders {
  readStatus(text: string, options?: { source?: string }): StatusDoc;
  readSteals(text: string): Steal[];
}

const DECIDED = new Set(['approved', 'rejected']);
const MAX_QUOTED_LOG = 3;

function lower(s: string | undefined): string {
  return (s ?? '').trim().replace(/^@+/, '').toLowerCase();
}

function describeLock(l: Lock): string {
  const bits = [l.task ? `task ${l.task}` : '', l.expires ? `expires ${l.expires}` : ''].filter(Boolean);
  return bits.length ? ` (${bits.join(', ')})` : '';
}

/** Counts keys so rows that appear twice must both survive. */
class Bag<T> {
  private readonly map = new Map<string, T[]>();
  add(key: string, item: T): void {
    const list = this.map.get(key);
    if (list) list.push(item);
    else this.map.set(key, [item]);
  }
  take(key: string): T | undefined {
    const list = this.map.get(key);
    const item = list?.shift();
    if (list && list.length === 0) this.map.delete(key);
    return item;
  }
  takeWhere(key: string, pred: (t: T) => boolean): T | undefined {
    const list = this.map.get(key);
    if (!list) return undefined;
    const i = list.findIndex(pred);
    if (i < 0) return undefined;
    const [item] = list.splice(i, 1);
    if (list.length === 0) this.map.delete(key);
    return item;
  }
  *values(): Iterable<T> {
    for (const list of this.map.values()) yield* list;
  }
}

/**
 * Old log entries that are not, in order, among the new ones: the log only grows, so
 * every old entry must still be there in the same order (new entries may appear
 * anywhere). Linear in the number of entries plus a log factor.
 */
export function missingLogEntries(before: LogEntry[], after: LogEntry[]): LogEntry[] {
  const positions = new Map<string, number[]>();
  after.forEach((e, i) => {
    const key = e.text.trim();
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const missing: LogEntry[] = [];
  let next = 0;
  for (const e of before) {
    const list = positions.get(e.text.trim());
    let found = -1;
    if (list) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < next) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length) found = list[lo];
    }
    if (found < 0) missing.push(e);
    else next = found + 1;
  }
  return missing;
}

export function statusIntegrity(loadReaders: () => Promise<StatusReaders>): Rule {
  return {
    id: 'status-integrity',
    defaultSeverity: () => 'error',
    summary: "An edit of the status file removes or rewrites another agent's lock or review, or rewrites the log, without a recorded steal.",
    docs: `status-integrity — the status file cannot be used to take locks away by hand.

What it checks, when a change touches the status file (statusFile, default
WORK_STATUS.md), by comparing its previous and new text:
- Locks: every lock row of another agent must still be there with the same path, agent,
  task and expiry. Removing or rewriting one is an error unless the same change records a
  steal of that path from that agent by the committer, with a reason (the Log line
  "- <time> <committer> steal <path> from <holder>: <reason>" that
  \`orch unlock <path> --steal --reason "…"\` writes). Removing another agent's expired
  lock is a warning. The committer's own lock rows may be added, changed and removed.
- Reviews: a review row requested by another agent must not be removed or rewritten,
  except by the reviewer (the row's reviewer or review.reviewer) approving or rejecting
  it; a row addressed to a contract consumer is decided by that consumer alone. The
  requester may withdraw or re-request their own review. An approval or rejection can
  only be recorded by the reviewer, also in a new row.
- Log: existing entries of the Log section must stay, unchanged and in order; new ones
  may be added anywhere. Entries may leave the file only by moving to the archive file
  (log.archiveFile, default WORK_STATUS.archive.md), which must then contain each of
  them as a line, word for word.
Names compare case-insensitively and a leading "@" is ignored; paths compare
case-insensitively only when core.ignorecase is true.
In remote mode (locks.remote) the file's lock rows are a view of the lock branch: a row
whose lock the lock branch no longer holds may be dropped by anyone. Pushes to the lock
branch itself are checked by this rule commit by commit (pre-receive and CI).

Why: locks protect other agents' work in progress; an agent that deletes a row and
commits into the file it freed defeats them silently. A steal stays possible, but
visible, with its reason in the log.

How to fix: restore the rows and log entries you changed, or take a lock over with
  orch unlock <path> --steal --reason "why"
and ask the reviewer to approve or reject reviews themselves (orch review approve).

Config keys: statusFile, review.reviewer, log.archiveFile, locks.ttl,
rules["status-integrity"].`,
    async check(input) {
      const { config, changes } = input;
      const foldPath = (p: string) => {
        const t = p.trim().replace(/\/+$/, '');
        return input.ignoreCase ? t.toLowerCase() : t;
      };
      const statusKey = foldPath(config.statusFile);
      // the file's own entry; else a rename that took it away (a copy leaves it in place)
      const change =
        changes.files.find((f) => foldPath(f.path) === statusKey) ??
        changes.files.find((f) => f.status === 'R' && f.oldPath !== undefined && foldPath(f.oldPath) === statusKey);
      if (!change) return [];
      const oldName = change.oldPath !== undefined && foldPath(change.oldPath) === statusKey ? change.oldPath : change.path;
      const newName = foldPath(change.path) === statusKey && change.status !== 'D' ? change.path : null;
      // Whole lines inserted (a Log entry, a lock row: almost every commit) can neither
      // remove nor rewrite anything; only a decided review row among them needs a look.
      // Asked first: it needs neither side decoded.
      const inserted = newName === oldName ? await changes.insertedLines(oldName) : null;
      if (inserted && !inserted.some((l) => /\b(approved|rejected)\b/i.test(l))) return [];
      const [oldText, newText] = await Promise.all([
        changes.read(oldName, 'old'),
        newName === null ? Promise.resolve(null) : changes.read(newName, 'new'),
      ]);
      // a status file that did not exist before has nothing to protect
      if (oldText === null) return [];

      const readers = await loadReaders();
      const before = readers.readStatus(oldText, { source: oldName });
      const after = readers.readStatus(newText ?? '', { source: newName ?? oldName });
      const statusPath = newName ?? oldName;
      return [
        ...lockFindings(input, before, after, stealsAdded(readers, oldText, newText ?? ''), statusPath, foldPath),
        ...reviewFindings(input, before, after, statusPath, foldPath),
        ...(await logFindings(input, oldText, newText ?? '', statusPath)),
      ];
    },
  };
}

function stealsAdded(readers: StatusReaders, oldText: string, newText: string): Steal[] {
  const key = (s: Steal) => [s.path, lower(s.from), lower(s.by), s.at ?? '', s.reason.trim()].join('\0');
  const old = new Bag<Steal>();
  for (const s of readers.readSteals(oldText)) old.add(key(s), s);
  return readers.readSteals(newText).filter((s) => old.take(key(s)) === undefined);
}

function lockFindings(
  input: RuleInput,
  before: StatusDoc,
  after: StatusDoc,
  steals: Steal[],
  statusPath: string,
  foldPath: (p: string) => string,
): RawFinding[] {
  const me = input.identity.name;
  const key = (l: Lock) => [foldPath(l.path), lower(l.agent), (l.task ?? '').trim(), (l.expires ?? '').trim()].join('\0');
  const remaining = new Bag<Lock>();
  for (const l of after.locks) remaining.add(key(l), l);
  const unmatched: Lock[] = [];
  for (const l of before.locks) if (remaining.take(key(l)) === undefined) unmatched.push(l);
  if (unmatched.length === 0) return [];
  // rows of the new side that match no old row: where a rewritten row went
  const leftovers = new Bag<Lock>();
  for (const l of remaining.values()) leftovers.add(foldPath(l.path), l);

  const stolen = (l: Lock) =>
    steals.some(
      (s) => sameAgent(s.by, me) && sameAgent(s.from, l.agent) && foldPath(s.path) === foldPath(l.path) && s.reason.trim() !== '',
    );

  const findings: RawFinding[] = [];
  // remote mode: the file's lock rows mirror the lock branch; a row whose lock the branch
  // no longer holds protects nothing, and the view may drop it
  const shared = input.lockBranch;
  const onLockBranch = (l: Lock) => !shared || shared.locks.some((x) => sameAgent(x.agent, l.agent) && foldPath(x.path) === foldPath(l.path));
  for (const l of unmatched) {
    if (sameAgent(l.agent, me)) continue;
    const now = leftovers.take(foldPath(l.path));
    if (!onLockBranch(l)) continue;
    if (stolen(l)) continue;
    const expired = isExpired(l, input.now, input.config.locks.ttl);
    const what = now
      ? `rewrites the lock of ${l.agent} on ${l.path}${describeLock(l)} (line ${l.line} before) to ${now.agent}${describeLock(now)}`
      : `removes the lock of ${l.agent} on ${l.path}${describeLock(l)} (line ${l.line} before)`;
    findings.push({
      rule: 'status-integrity',
      ...(expired ? { severity: 'warning' as const } : {}),
      path: statusPath,
      holder: l.agent,
      message: `${statusPath} ${what} without a recorded steal${expired ? ' (the lock had expired)' : ''}. Only ${l.agent} may release it; anyone else must steal it with a reason.`,
      fix: `Restore the row, or take the lock over on record: orch unlock ${shellQuote(l.path)} --steal --reason "<why>"`,
    });
  }
  return findings;
}

function reviewFindings(
  input: RuleInput,
  before: StatusDoc,
  after: StatusDoc,
  statusPath: string,
  foldPath: (p: string) => string,
): RawFinding[] {
  const me = input.identity.name;
  const who = me ?? 'an unknown committer';
  const reviewer = input.config.review.reviewer;
  const key = (r: Review) => [foldPath(r.path), lower(r.requestedBy), lower(r.reviewer)].join('\0');
  const full = (r: Review) => [key(r), r.state, (r.at ?? '').trim(), r.blob ?? ''].join('\0');
  // the container reviewer may decide rows addressed to it under another name, but not a
  // contract consumer's acknowledgement: that handoff is the consumer's own
  const consumers = input.config.contracts.flatMap((c) => c.consumers ?? []);
  const canDecide = (r: Review) => sameAgent(me, r.reviewer) || (sameAgent(me, reviewer) && !consumers.some((c) => sameAgent(c, r.reviewer)));

  const remaining = new Bag<Review>();
  for (const r of after.reviews) remaining.add(full(r), r);
  const unmatched: Review[] = [];
  for (const r of before.reviews) if (remaining.take(full(r)) === undefined) unmatched.push(r);
  const leftovers = new Bag<Review>();
  for (const r of remaining.values()) leftovers.add(key(r), r);

  const findings: RawFinding[] = [];
  const fix = (r: Review) =>
    `Restore the review row of ${r.path}; approvals and rejections are recorded by the reviewer (${r.reviewer}) with orch review approve ${shellQuote(r.path)}.`;
  for (const r of unmatched) {
    const now = leftovers.take(key(r));
    const own = sameAgent(r.requestedBy, me);
    if (now) {
      if (DECIDED.has(now.state) ? canDecide(now) : own) continue;
      findings.push({
        rule: 'status-integrity',
        path: statusPath,
        holder: r.reviewer,
        message: `${statusPath} rewrites the review of ${r.path} requested by ${r.requestedBy} from ${r.reviewer} (${r.state} → ${now.state}, line ${r.line} before); ${
          DECIDED.has(now.state) ? `only the reviewer may ${now.state === 'approved' ? 'approve' : 'reject'} it` : `only ${r.requestedBy} may change the request`
        }, not ${who}.`,
        fix: fix(r),
      });
    } else if (!own) {
      findings.push({
        rule: 'status-integrity',
        path: statusPath,
        holder: r.requestedBy,
        message: `${statusPath} removes the review of ${r.path} requested by ${r.requestedBy} from ${r.reviewer} (${r.state}, line ${r.line} before); only ${r.requestedBy} may withdraw it, not ${who}.`,
        fix: fix(r),
      });
    }
  }
  for (const r of leftovers.values()) {
    if (DECIDED.has(r.state) && !canDecide(r)) {
      findings.push({
        rule: 'status-integrity',
        path: statusPath,
        line: r.line,
        holder: r.reviewer,
        message: `${statusPath} records the review of ${r.path} as ${r.state} by ${r.reviewer}, but the commit is by ${who}; only the reviewer records a decision.`,
        fix: `Remove the row or set it to requested: orch review request ${shellQuote(r.path)}; ${r.reviewer} then decides.`,
      });
    }
  }
  return findings;
}

async function logFindings(input: RuleInput, oldText: string, newText: string, statusPath: string): Promise<RawFinding[]> {
  const before = logEntries(oldText);
  if (before.length === 0) return [];
  let missing = missingLogEntries(before, logEntries(newText));
  if (missing.length === 0) return [];
  const archiveFile = input.config.log.archiveFile;
  const archive = archiveFile ? await input.changes.read(archiveFile, 'new') : null;
  if (archive !== null) {
    const archived = new Set(archive.split('\n').map((l) => l.trim()));
    missing = missing.filter((e) => !archived.has(e.text.trim()));
  }
  if (missing.length === 0) return [];
  const quoted = missing
    .slice(0, MAX_QUOTED_LOG)
    .map((e) => `line ${e.line}: "${e.text.trim().slice(0, 100)}"`)
    .join('; ');
  const more = missing.length > MAX_QUOTED_LOG ? `; and ${missing.length - MAX_QUOTED_LOG} more` : '';
  return [
    {
      rule: 'status-integrity',
      path: statusPath,
      message: `${statusPath} rewrites or removes ${missing.length === 1 ? 'an existing Log entry' : `${missing.length} existing Log entries`} (${quoted}${more} before). The log only grows; entries may leave it only into ${archiveFile || 'the archive file'}.`,
      fix: `Restore the Log entries as they were and add new entries instead${archiveFile ? `, or move old entries word for word into ${archiveFile}` : ''}.`,
    },
  ];
}

export const rule: Rule = statusIntegrity(async () => ({ readStatus, readSteals }));
