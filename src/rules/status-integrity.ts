// The lock table is only worth something if an agent cannot delete someone else's lock
// by hand and then commit into the file it freed. An edit of the status file may add or
// remove the committer's own locks; anything that takes away another agent's lock or
// review, or rewrites history in the log, needs a recorded steal (or is an error).
import { readStatusHead, statusHead } from '../status/readStatusHead.js';
import { insertedLines } from '../text/insertedLines.js';
import { readSteals } from '../status/readSteals.js';
import type { Rule } from './rule.js';
import { statusIntegrityCollected } from './collectedFindings.js';
import { conflictFindings, statusChangeFindings, type StatusReaders } from './statusChangeFindings.js';

export { missingLogEntries, statusChangeFindings, type StatusReaders } from './statusChangeFindings.js';

export function statusIntegrity(loadReaders: () => Promise<StatusReaders>): Rule {
  return {
    id: 'status-integrity',
    defaultSeverity: () => 'error',
    summary:
      "An edit of the status file removes or rewrites another agent's lock or review, or rewrites the log, without a recorded steal.",
    docs: `status-integrity — the status file cannot be used to take locks away by hand.

What it checks, when a change touches the status file (statusFile, default
WORK_STATUS.md), by comparing what its previous and new text MEAN (the locks and reviews
as orch reads them), never the lines alone:
- Locks: every lock of another agent must still be read, with the same path, agent, task
  and expiry (and Since, when locks.ttl makes a lock expire ttl after it). Text that
  makes a row stop being read as a lock (an opened <!-- comment, an unclosed code fence,
  a heading such as "## Recently Released" above the rows, </table>) counts as removing
  it. Removing or rewriting one is an error unless the same change records a
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
- Conflict markers: a status file with <<<<<<< ======= >>>>>>> lines may not be
  committed; until it is resolved, the locks of every side bind.
Names compare case-insensitively and a leading "@" is ignored; paths compare
case-insensitively only when core.ignorecase is true.
In remote mode (locks.remote) the file's lock rows are a view of the lock branch: a row
whose lock the lock branch no longer holds may be dropped by anyone. Pushes to the lock
branch itself are checked by this rule commit by commit (pre-receive and CI); a commit
there that changes any other file, and a push that deletes the lock branch, are refused.
Also this rule's, from what the checks collect besides a change:
- pre-commit: a lock of HEAD or the index deleted by hand from the working tree's status
  file, not released through orch, still binds: a warning says so.
- pre-receive: a push that writes refs/replace/* (it would make git show one object as
  another) is refused unless allowReplaceRefs is true.

Why: locks protect other agents' work in progress; an agent that deletes a row and
commits into the file it freed defeats them silently. A steal stays possible, but
visible, with its reason in the log.

How to fix: restore the rows and log entries you changed, or take a lock over with
  orch unlock <path> --steal --reason "why"
and ask the reviewer to approve or reject reviews themselves (orch review approve).

Config keys: statusFile, review.reviewer, log.archiveFile, locks.ttl,
rules["status-integrity"].`,
    collected: statusIntegrityCollected,
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
      const oldName =
        change.oldPath !== undefined && foldPath(change.oldPath) === statusKey ? change.oldPath : change.path;
      const newName = foldPath(change.path) === statusKey && change.status !== 'D' ? change.path : null;
      // a range read both versions already: when they read alike (lines appended to a Log
      // that ends the file), only appended conflict markers are left to look for
      const sides = input.statusSides;
      if (sides && sides.old === sides.new && newName === oldName) {
        const inserted = await changes.insertedLines(oldName);
        if (inserted && !inserted.some((l) => l.startsWith('<<<<<<<'))) return [];
      }
      const [oldText, newText] = await Promise.all([
        changes.read(oldName, 'old'),
        newName === null ? Promise.resolve(null) : changes.read(newName, 'new'),
      ]);
      const statusPath = newName ?? oldName;
      // a status file that did not exist before has no locks to protect, but may not be committed half merged
      if (oldText === null) return newText === null ? [] : conflictFindings(newText, statusPath);
      // Not "only lines were inserted, so nothing was removed": one inserted `<!--` or fence
      // hides every row below it. What binds is the parse of the text before its trailing
      // Log, so two equal heads read alike; anything else is parsed and compared.
      const sameHeads = newText !== null && statusHead(oldText) === statusHead(newText);
      // whole lines inserted can remove no Log entry: the Log is not parsed (README: performance)
      const grew = newText !== null && insertedLines(oldText, newText) !== null;
      if (sameHeads && grew && !newText.includes('<<<<<<<')) return [];
      const readers = await loadReaders();
      return statusChangeFindings(input, readers, { oldText, newText, oldName, statusPath, sameHeads, logGrew: grew });
    },
  };
}

/** The real readers: the text before its trailing Log, parsed once per distinct head, every side of a conflict. */
const headReaders: StatusReaders = {
  readStatus: (text, options) => readStatusHead(text, options?.source ?? ''),
  readSteals,
};

export const rule: Rule = statusIntegrity(async () => headReaders);
