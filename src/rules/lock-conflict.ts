import { sameAgent } from '../identity/sameAgent.js';
import { buildLockIndex, type LockIndex } from '../locks/lockIndex.js';
import { isExpired, lockExpiry, formatStatusTime } from '../locks/lockTimes.js';
import { contractMatcher } from '../match/contractMatcher.js';
import { shellQuote } from '../shellQuote.js';
import type { Finding, Lock, RawFinding } from '../types.js';
import type { Rule, RuleInput } from './rule.js';
import { lockBranchFetchFindings } from './collectedFindings.js';

export function describeLock(lock: Lock, ttl: string | undefined): string {
  const bits: string[] = [];
  if (lock.task) bits.push(`task ${lock.task}`);
  if (lock.since) bits.push(`since ${lock.since}`);
  const exp = lockExpiry(lock, ttl);
  if (lock.expires) bits.push(`until ${lock.expires}`);
  else if (exp) bits.push(`until ${formatStatusTime(exp)} (ttl)`);
  return bits.length ? ` (${bits.join(', ')})` : '';
}

/** Every path a change touches: both sides of a rename or copy. */
export function touchedPaths(input: Pick<RuleInput, 'changes'>): { path: string; via?: string }[] {
  const out: { path: string; via?: string }[] = [];
  for (const f of input.changes.files) {
    out.push({ path: f.path });
    if (f.oldPath && f.oldPath !== f.path)
      out.push({ path: f.oldPath, via: f.status === 'C' ? 'copied from' : 'renamed from' });
  }
  return out;
}

/** `orch lock` refused: the path overlaps another agent's lock (always an error: a lock is not taken). */
export function overlapFinding(path: string, lock: Lock, ttl: string | undefined): Finding {
  return {
    rule: 'lock-conflict',
    severity: 'error',
    path,
    holder: lock.agent,
    message: `${path} overlaps the lock on ${lock.path} held by ${lock.agent}${describeLock(lock, ttl)}. Wait for ${lock.agent} to release it, ask them, or take it over with a reason.`,
    fix: `orch unlock ${shellQuote(lock.path)} --steal --reason "<why>"`,
  };
}

export const rule: Rule = {
  id: 'lock-conflict',
  defaultSeverity: () => 'error',
  summary: 'A changed path is locked by another agent in WORK_STATUS.md.',
  docs: `lock-conflict — a changed path falls under an active lock held by another agent.

Checks every path the change touches: added, modified, deleted, both sides of a rename
or copy, and submodule pointers. A lock covers its exact path, everything under a
directory lock (\`services/orders/\` or \`services/orders\`), and whatever a glob lock
matches (\`api/**/*.yaml\`). A path with literal ( ) [ ] that exists as written is that
path, not a pattern. Locks from every worktree of the repository count. Names and paths
compare case-insensitively, whatever core.ignorecase says: \`src/App.js\` next to a locked
\`src/app.js\` is the same file on macOS and Windows checkouts, so it is judged as that path.

An expired lock (its Expires time passed, or locks.ttl since it was taken) gives a
warning instead of an error.

Remote mode (locks.remote): when pre-push or CI cannot fetch the lock branch, the change
could not be checked against the shared locks: an error with locks.verify "strict" (a
warning with "warn", and at commit time). rules["lock-conflict"] lowers or silences it too.

Why: the protocol says agents lock files in WORK_STATUS.md before touching them, so that
two agents never edit the same file at once.

What to do: wait until the holder releases the lock, ask the holder, or — with a reason
that is recorded — take it over:
  orch unlock <path> --steal --reason "why"
Taking a lock over is a person's decision: an agent is told to wait or ask, and to steal
only if a person approved it; for a contract the agent does not own, no steal is offered
(contract-owner would still block the change). The status file itself is never subject
to this rule.

Config: statusFile, locks.ttl, locks.verify, rules["lock-conflict"].`,
  collected: lockBranchFetchFindings,
  check(input) {
    const { status, identity, config, now } = input;
    if (status.locks.length === 0) return [];
    // case twins: a path that differs only in case from a locked one is that path on the
    // checkouts of macOS and Windows, so it is judged as that path everywhere
    const index = foreignLocks(status.locks, identity.name, {
      ignoreCase: true,
      existsLiterally: input.existsLiterally,
    });
    if (!index) return [];
    const findings: RawFinding[] = [];
    const statusFile = config.statusFile;
    const seen = new Set<string>();
    for (const { path, via } of touchedPaths(input)) {
      if (path === statusFile) continue;
      for (const lock of index.match(path)) {
        const key = `${path}\0${lock.path}\0${lock.agent}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const expired = isExpired(lock, now, config.locks.ttl);
        const covered = lock.path.replace(/\/$/, '') === path ? '' : ` (covered by the lock on ${lock.path})`;
        const what = via ? `${path} (${via === 'copied from' ? 'copy source' : 'rename source'})` : path;
        const note = lock.note ? `: ${lock.note}` : '';
        findings.push({
          rule: 'lock-conflict',
          ...(expired ? { severity: 'warning' as const } : {}),
          path,
          holder: lock.agent,
          message: expired
            ? `${what} is under an expired lock of ${lock.agent}${covered}${describeLock(lock, config.locks.ttl)}${note}. Ask ${lock.agent} to release it.`
            : `${what} is locked by ${lock.agent}${covered}${describeLock(lock, config.locks.ttl)}${note}. Wait for ${lock.agent} to release it, ask them, or take it over with a reason.`,
          fix: fixFor(path, lock, input),
        });
      }
    }
    return findings;
  },
};

/**
 * The next step, for whoever reads it. A steal is a person's call: people are offered it;
 * agents are told to wait or ask, and offered a steal only "if a person approved it" —
 * and never where it would not unblock the change (a contract the agent does not own
 * stays blocked by contract-owner after any steal).
 */
function fixFor(path: string, lock: Lock, input: RuleInput): string {
  const steal = `orch unlock ${shellQuote(lock.path)} --steal --reason`;
  const { identity, config } = input;
  if (!identity.isAgent) return `${steal} "<why>"`;
  const notOwned = contractMatcher(config.contracts, { ignoreCase: input.ignoreCase })(path).filter(
    (c) => !c.owners.some((o) => sameAgent(o, identity.name)),
  );
  if (notOwned.length) {
    const owners = [...new Set(notOwned.flatMap((c) => c.owners))];
    return `Leave ${path} out of this change and ask ${owners.join(' or ') || 'its owners'} (the owner${owners.length > 1 ? 's' : ''}) to make it; taking the lock over would not unblock it.`;
  }
  return `Wait for ${lock.agent} to release it, or ask them; only if a person approved taking it over: ${steal} "<who approved, and why>"`;
}

// A range judges a thousand commits by few agents against the same lock table: the index
// of "everyone else's locks" is built once per table and agent, not once per commit.
const indexes = new WeakMap<Lock[], { options: IndexOptions; byAgent: Map<string, LockIndex | null> }>();
type IndexOptions = Pick<RuleInput, 'ignoreCase' | 'existsLiterally'>;

function foreignLocks(locks: Lock[], agent: string | null, options: IndexOptions): LockIndex | null {
  let memo = indexes.get(locks);
  if (
    !memo ||
    memo.options.ignoreCase !== options.ignoreCase ||
    memo.options.existsLiterally !== options.existsLiterally
  ) {
    memo = {
      options: { ignoreCase: options.ignoreCase, existsLiterally: options.existsLiterally },
      byAgent: new Map(),
    };
    indexes.set(locks, memo);
  }
  const key = agent ?? '';
  const known = memo.byAgent.get(key);
  if (known !== undefined) return known;
  const foreign = locks.filter((l) => !sameAgent(l.agent, agent));
  const index = foreign.length
    ? buildLockIndex(foreign, { ignoreCase: options.ignoreCase, existsLiterally: options.existsLiterally })
    : null;
  memo.byAgent.set(key, index);
  return index;
}
