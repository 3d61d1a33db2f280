// How one version of the status file may follow another: the comparison status-integrity
// makes for every change of the file (the index against HEAD, each commit of a range, a
// range's net change, a lock-branch commit). It compares what the file MEANS — the lock
// and review sets as the reader reads them — so whatever text makes a lock stop being
// read (an opened HTML comment, an unclosed code fence, a heading above the rows, a
// closing tag, conflict markers) or read differently (its holder, task, expiry, or its
// Since when locks.ttl applies) is judged like a removed or rewritten row.
import { sameAgent } from '../identity/sameAgent.js';
import { conflictSides } from '../status/conflictSides.js';
import { isExpired } from '../locks/lockTimes.js';
import { shellQuote } from '../shellQuote.js';
import { logEntries, type LogEntry } from '../text/logEntries.js';
import type { Lock, RawFinding, Review, StatusDoc, Steal } from '../types.js';
import type { RuleInput } from './rule.js';

/** The status readers the comparison needs (the rule loads them lazily). */
export interface StatusReaders {
  readStatus(text: string, options?: { source?: string }): StatusDoc;
  readSteals(text: string): Steal[];
}

const DECIDED = new Set(['approved', 'rejected']);
const MAX_QUOTED_LOG = 3;

function lower(s: string | undefined): string {
  return (s ?? '').trim().replace(/^@+/, '').toLowerCase();
}

function describeLock(l: Lock, ttl?: string): string {
  const bits = [
    l.task ? `task ${l.task}` : '',
    l.expires ? `expires ${l.expires}` : '',
    ttl && l.since ? `since ${l.since}` : '',
  ].filter(Boolean);
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

/**
 * The findings of status-integrity for one change of the status file from `oldText` to
 * `newText` (null: the file was deleted), judged with the committer and configuration of
 * `input`. A caller that knows the heads are equal (the texts before a trailing Log, see
 * readStatusHead: they read alike) sets `sameHeads`; one that knows the new text is the
 * old one with lines inserted sets `logGrew` (no Log entry can be missing then).
 */
export async function statusChangeFindings(
  input: RuleInput,
  readers: StatusReaders,
  change: {
    oldText: string;
    newText: string | null;
    oldName: string;
    statusPath: string;
    sameHeads?: boolean;
    logGrew?: boolean;
  },
): Promise<RawFinding[]> {
  const { oldText, oldName, statusPath } = change;
  const newText = change.newText ?? '';
  const findings: RawFinding[] = conflictFindings(newText, statusPath);
  if (!change.sameHeads) {
    const before = readers.readStatus(oldText, { source: oldName });
    const after = readers.readStatus(newText, { source: statusPath });
    const steals = stealsAdded(readers, oldText, newText);
    findings.push(
      ...lockFindings(input, before, after, steals, { oldText, newText, statusPath }),
      ...reviewFindings(input, before, after, statusPath),
    );
  }
  if (!change.logGrew) findings.push(...(await logFindings(input, oldText, newText, statusPath)));
  return findings;
}

/** Committed conflict markers: an error, whoever commits them (README: "Conflicts in the status file"). */
export function conflictFindings(text: string, statusPath: string): RawFinding[] {
  const conflict = conflictSides(text);
  if (!conflict) return [];
  const where = conflict.markers.length === 1 ? `line ${conflict.markers[0]}` : `lines ${conflict.markers.join(', ')}`;
  return [
    {
      rule: 'status-integrity',
      path: statusPath,
      line: conflict.markers[0],
      message: `${statusPath} still has merge conflict markers (<<<<<<< at ${where}): a merge or pull left it half merged, and committed like this the rows between the markers would stop being read. Until it is resolved the locks of both sides bind.`,
      fix: `Resolve it before committing: keep the rows of both sides and delete the marker lines, or let orch merge it by rows with git checkout -m -- ${shellQuote(statusPath)} (any orch command registers orch's merge driver), then git add ${shellQuote(statusPath)}.`,
    },
  ];
}

/** Paths compare case-insensitively only where the file system does (core.ignorecase). */
function pathFolder(input: Pick<RuleInput, 'ignoreCase'>): (p: string) => string {
  return (p) => {
    const t = p.trim().replace(/\/+$/, '');
    return input.ignoreCase ? t.toLowerCase() : t;
  };
}

/**
 * Where the new text holds an old row word for word: its 1-based line, else -1. Both
 * texts are split once, however many rows an edit hides.
 */
function rowFinder(oldText: string, newText: string): (line: number) => number {
  let oldLines: string[] | undefined;
  let newAt: Map<string, number> | undefined;
  return (line) => {
    oldLines ??= oldText.split('\n');
    if (!newAt) {
      newAt = new Map();
      newText.split('\n').forEach((l, i) => {
        const key = l.replace(/\r$/, '').trim();
        if (!newAt!.has(key)) newAt!.set(key, i + 1);
      });
    }
    const row = oldLines[line - 1]?.replace(/\r$/, '').trim();
    return row ? (newAt.get(row) ?? -1) : -1;
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
  texts: { oldText: string; newText: string; statusPath: string },
): RawFinding[] {
  const { statusPath } = texts;
  const stillWritten = rowFinder(texts.oldText, texts.newText);
  const foldPath = pathFolder(input);
  const me = input.identity.name;
  // every cell that decides whether and until when the lock binds: with locks.ttl, a
  // lock binds until Since + ttl, so a rewritten Since is a rewritten expiry
  const ttl = input.config.locks.ttl;
  const key = (l: Lock) =>
    [
      foldPath(l.path),
      lower(l.agent),
      (l.task ?? '').trim(),
      (l.expires ?? '').trim(),
      ttl ? (l.since ?? '').trim() : '',
    ].join('\0');
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
      (s) =>
        sameAgent(s.by, me) &&
        sameAgent(s.from, l.agent) &&
        foldPath(s.path) === foldPath(l.path) &&
        s.reason.trim() !== '',
    );

  const findings: RawFinding[] = [];
  // remote mode: the file's lock rows mirror the lock branch; a row whose lock the branch
  // no longer holds protects nothing, and the view may drop it
  const shared = input.lockBranch;
  const onLockBranch = (l: Lock) =>
    !shared || shared.locks.some((x) => sameAgent(x.agent, l.agent) && foldPath(x.path) === foldPath(l.path));
  for (const l of unmatched) {
    if (sameAgent(l.agent, me)) continue;
    const now = leftovers.take(foldPath(l.path));
    if (!onLockBranch(l)) continue;
    if (stolen(l)) continue;
    const expired = isExpired(l, input.now, input.config.locks.ttl);
    const hiddenAt = now ? -1 : stillWritten(l.line);
    const what = now
      ? `rewrites the lock of ${l.agent} on ${l.path}${describeLock(l, ttl)} (line ${l.line} before) to ${now.agent}${describeLock(now, ttl)}`
      : hiddenAt > 0
        ? `hides the lock of ${l.agent} on ${l.path}${describeLock(l, ttl)} (line ${l.line} before)`
        : `removes the lock of ${l.agent} on ${l.path}${describeLock(l, ttl)} (line ${l.line} before)`;
    findings.push({
      rule: 'status-integrity',
      ...(expired ? { severity: 'warning' as const } : {}),
      path: statusPath,
      holder: l.agent,
      message: `${statusPath} ${what} without a recorded steal${expired ? ' (the lock had expired)' : ''}.${hiddenAt > 0 ? ` Its row is still there (line ${hiddenAt}) but no longer reads as a lock: text around it (an HTML comment, a code fence, a heading, a tag) changes how the file reads.` : ''} Only ${l.agent} may release it; anyone else must steal it with a reason.`,
      fix: `Restore the row, or take the lock over on record: orch unlock ${shellQuote(l.path)} --steal --reason "<why>"`,
    });
  }
  return findings;
}

function reviewFindings(input: RuleInput, before: StatusDoc, after: StatusDoc, statusPath: string): RawFinding[] {
  const foldPath = pathFolder(input);
  const me = input.identity.name;
  const who = me ?? 'an unknown committer';
  const reviewer = input.config.review.reviewer;
  const key = (r: Review) => [foldPath(r.path), lower(r.requestedBy), lower(r.reviewer)].join('\0');
  const full = (r: Review) => [key(r), r.state, (r.at ?? '').trim(), r.blob ?? ''].join('\0');
  // the container reviewer may decide rows addressed to it under another name, but not a
  // contract consumer's acknowledgement: that handoff is the consumer's own
  const consumers = input.config.contracts.flatMap((c) => c.consumers ?? []);
  const canDecide = (r: Review) =>
    sameAgent(me, r.reviewer) || (sameAgent(me, reviewer) && !consumers.some((c) => sameAgent(c, r.reviewer)));

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
          DECIDED.has(now.state)
            ? `only the reviewer may ${now.state === 'approved' ? 'approve' : 'reject'} it`
            : `only ${r.requestedBy} may change the request`
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

async function logFindings(
  input: RuleInput,
  oldText: string,
  newText: string,
  statusPath: string,
): Promise<RawFinding[]> {
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
