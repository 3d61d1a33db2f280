// The messages of lock-conflict and status-integrity for what only collection could see
// (collected.ts): kept out of the rule files, which judge change sets.
import type { RawFinding } from '../types.js';
import type { RuleInput } from './rule.js';

/** lock-conflict: the shared locks could not be fetched, so the change was not checked against them. */
export function lockBranchFetchFindings(input: RuleInput): RawFinding[] {
  const failed = input.collected?.lockBranchFetch;
  if (!failed) return [];
  const { remote, branch, reason, copyAge } = failed;
  // rules["lock-conflict"] may lower the rule: then say so, and what the change was checked against
  const level = input.config.rules['lock-conflict'];
  const lowered = failed.blocking && (level === 'warn' || level === 'warning');
  const blocking = failed.blocking && !lowered;
  const instead = copyAge
    ? `Checked against the copy fetched ${copyAge} ago instead.`
    : 'This clone has no copy of it: locks of other clones were not checked.';
  return [
    {
      rule: 'lock-conflict',
      severity: blocking ? 'error' : 'warning',
      path: null,
      message: `cannot verify the changes against the shared locks: fetching ${branch} from ${remote} failed (${reason}). ${
        blocking
          ? 'Blocked because locks.verify is "strict".'
          : lowered
            ? `${instead} (locks.verify is "strict", and rules["lock-conflict"] makes this a warning.)`
            : instead
      }`,
      fix: blocking
        ? `Check the network and access to ${remote} (git fetch ${remote}) and try again, or set "locks": { "verify": "warn" } to let an unreachable remote pass with a warning.`
        : `Check the network and access to ${remote}, then run \`orch sync\`.`,
    },
  ];
}

/** status-integrity: what collection found that takes locks away or hides history. */
export function statusIntegrityCollected(input: RuleInput): RawFinding[] {
  const c = input.collected;
  if (!c) return [];
  const file = input.config.statusFile;
  const out: RawFinding[] = [];
  for (const { lock, where } of c.droppedLocks ?? []) {
    out.push({
      rule: 'status-integrity',
      // the working tree is not what the commit records: a warning, the lock binds anyway
      severity: 'warning',
      path: file,
      holder: lock.agent,
      message: `the lock of ${lock.agent} on ${lock.path} is gone from ${file} in the working tree, but ${where} still holds it and orch did not release it: it still binds.`,
      fix: `Restore the row (git checkout -- ${file}); ${lock.agent} releases it with orch unlock, anyone else with orch unlock --steal --reason "<why>".`,
    });
  }
  for (const ref of c.deletedLockBranch ?? []) {
    out.push({
      rule: 'status-integrity',
      path: null,
      message: `this push deletes ${ref}, the lock branch: every agent's lock would go at once.`,
      fix: `Release locks one by one (orch unlock, orch done). To reset the lock branch on purpose, delete it on the server with the check skipped (ORCH_SKIP=status-integrity).`,
    });
  }
  for (const ref of c.replaceRefs ?? []) {
    const replaced = ref.slice('refs/replace/'.length, 'refs/replace/'.length + 12);
    out.push({
      rule: 'status-integrity',
      path: null,
      message: `this push writes ${ref}, a replacement: git would then show ${replaced} as another object, hiding what the history really holds.`,
      fix: 'Push the commits themselves, without refs/replace/*. If this server needs replacements, a person sets "allowReplaceRefs": true in the orch configuration of the default branch.',
    });
  }
  for (const { path, branch } of c.lockBranchFiles ?? []) {
    out.push({
      rule: 'status-integrity',
      path,
      message: `${path} is changed on the lock branch ${branch}; the lock branch holds only ${file}, and changes to project files go through the project's branches and their checks.`,
      fix: 'Push that change to a project branch; the lock branch changes only through orch lock, unlock and done.',
    });
  }
  return out;
}
