// API contracts and database schemas belong to their owning agent, and the orch
// configuration belongs to its owners (people by default): an agent that could edit the
// configuration could switch off every other rule.
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import type { ContractConfig } from '../config/schema.js';
import { sameAgent } from '../identity/sameAgent.js';
import { buildLockIndex, type LockIndex } from '../locks/lockIndex.js';
import { isExpired } from '../locks/lockTimes.js';
import { contractMatcher } from '../match/contractMatcher.js';
import { shellQuote } from '../shellQuote.js';
import type { RawFinding } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

/**
 * The configuration files orch loads, at the repository root. Adding one matters as much
 * as editing the loaded one: a new `.orchrc.json` would take precedence over
 * `package.json#orch`. package.json itself counts only when its "orch" key changes.
 */
export const CONFIG_FILES: readonly string[] = CONFIG_SEARCH_PLACES.filter((p) => p !== 'package.json');

function ownerList(owners: readonly string[]): string {
  return owners.length === 1 ? owners[0] : owners.slice(0, -1).join(', ') + ' or ' + owners[owners.length - 1];
}

/** Every path a change touches with the way it touches it: both sides of a rename or copy. */
function touched(input: RuleInput): { path: string; what: string }[] {
  const out: { path: string; what: string }[] = [];
  const seen = new Set<string>();
  for (const f of input.changes.files) {
    if (!seen.has(f.path)) {
      seen.add(f.path);
      out.push({ path: f.path, what: f.path });
    }
    if (f.oldPath && f.oldPath !== f.path && !seen.has(f.oldPath)) {
      seen.add(f.oldPath);
      out.push({ path: f.oldPath, what: `${f.oldPath} (${f.status === 'C' ? 'copied' : 'renamed'} to ${f.path})` });
    }
  }
  return out;
}

/** Canonical JSON so that key order and formatting do not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Whether the `orch` key of package.json differs between the sides. A side that is not
 * valid JSON counts as a change when either side's text mentions an "orch" key: a broken
 * package.json must not hide an edit of the configuration.
 */
async function orchKeyChanged(input: RuleInput, oldPath: string, newPath: string): Promise<boolean> {
  const [before, after] = await Promise.all([input.changes.read(oldPath, 'old'), input.changes.read(newPath, 'new')]);
  const orchOf = (text: string | null): { ok: boolean; value?: string } => {
    if (text === null) return { ok: true, value: undefined };
    try {
      const parsed = JSON.parse(text) as unknown;
      const orch = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).orch : undefined;
      return { ok: true, value: orch === undefined ? undefined : canonical(orch) };
    } catch {
      return { ok: false };
    }
  };
  const a = orchOf(before);
  const b = orchOf(after);
  if (a.ok && b.ok) return a.value !== b.value;
  return /"orch"\s*:/.test(before ?? '') || /"orch"\s*:/.test(after ?? '');
}

async function configFindings(input: RuleInput): Promise<RawFinding[]> {
  // case twins: `.ORCHRC.json` is `.orchrc.json` on macOS and Windows checkouts
  const fold = (p: string) => p.toLowerCase();
  const protectedFiles = new Set(CONFIG_FILES.map(fold));
  if (input.configFile && input.configFile !== 'package.json') protectedFiles.add(fold(input.configFile));
  const { identity, config } = input;
  const owners = config.configOwners;
  // people own the repository; agents only when a person listed them
  const allowed = !identity.isAgent || owners.some((o) => sameAgent(o, identity.name));
  if (allowed) return [];

  const findings: RawFinding[] = [];
  for (const f of input.changes.files) {
    const sides = f.oldPath && f.oldPath !== f.path ? [f.path, f.oldPath] : [f.path];
    let hit = sides.find((p) => protectedFiles.has(fold(p)));
    let keyOnly = false;
    if (!hit) {
      const pkg = sides.find((p) => fold(p) === 'package.json');
      if (pkg && (await orchKeyChanged(input, f.oldPath ?? f.path, f.path))) {
        hit = pkg;
        keyOnly = true;
      }
    }
    if (!hit) continue;
    const who = identity.name ?? 'an unknown committer';
    const what = keyOnly ? `the "orch" key of ${hit}` : hit;
    findings.push({
      rule: 'contract-owner',
      path: hit,
      ...(owners.length ? { holder: owners.join(', ') } : {}),
      message:
        owners.length > 0
          ? `${what} is the orch configuration; only people and ${ownerList(owners)} (configOwners) may change it, not the agent ${who}.`
          : `${what} is the orch configuration; only people may change it (configOwners is empty), not the agent ${who}.`,
      fix:
        owners.length > 0
          ? `Leave ${hit} out of this commit and ask a person or ${ownerList(owners)} to make the change.`
          : `Leave ${hit} out of this commit and ask a person to make the change (or to list this agent in configOwners).`,
    });
  }
  return findings;
}

export const rule: Rule = {
  id: 'contract-owner',
  defaultSeverity: () => 'error',
  summary: 'A contract or schema path (or the orch configuration) changed by someone who does not own it.',
  docs: `contract-owner — contracts, schemas and the orch configuration belong to their owners.

What it checks:
- Every path a change touches (added, modified, deleted, and both sides of a rename or
  copy: moving a file out of a contract path changes the contract) is matched against the
  configured contract groups. If the committing agent is not among the group's owners,
  that is an error naming the owners and the group. Names compare case-insensitively and
  a leading "@" is ignored. Paths match without regard to case, whatever core.ignorecase
  says: a case twin such as api/OpenAPI.yaml is the contract on macOS and Windows.
- With requireLock, the owner must also hold an active, unexpired lock in the status file
  that covers the path (the exact path, a directory lock such as "db/migrate/", or a glob
  such as "api/**/*.yaml"); otherwise the error gives the exact command to take one.
- The orch configuration itself: the loaded config file; every place orch looks for one
  at the repository root, whether changed, added or deleted:
    ${CONFIG_FILES.join(', ')}
  and the "orch" key of package.json (only when that key changes). People may change it;
  agents only when they are listed in configOwners — so an agent cannot relax its own rules.

Why: the protocol gives API contracts to backend-architect and database schemas and
migrations to database-architect, and requires them to be locked before any change. An
agent that could edit the configuration could relax its own rules.

How to fix:
- Not the owner: leave the file out of the commit and ask an owner to make the change,
  or have the owner lock it and agree the change with you.
- The owner without a lock: orch lock <path> --task <id>, then commit again.
- Configuration: ask a person (or one of configOwners) to make the change.

Config keys: contracts[] (name, paths as picomatch globs, owners, requireLock),
configOwners, statusFile, locks.ttl, rules["contract-owner"]. \`orch init\` writes
defaults covering OpenAPI/Swagger, GraphQL, protobuf, Prisma, Alembic/Flask-Migrate,
Flyway, Rails, EF Core, Supabase, Django, golang-migrate and Liquibase.`,
  async check(input) {
    const findings: RawFinding[] = await configFindings(input);
    const { config, identity, status, now } = input;
    if (config.contracts.length === 0) return findings;
    // case twins: `api/OpenAPI.yaml` next to `api/openapi.yaml` is judged as the contract
    const groupsOf = contractMatcher(config.contracts, { ignoreCase: true });

    let ownLocks: LockIndex | undefined;
    const ownLockIndex = () =>
      (ownLocks ??= buildLockIndex(
        status.locks.filter((l) => sameAgent(l.agent, identity.name) && !isExpired(l, now, config.locks.ttl)),
        { ignoreCase: true, existsLiterally: input.existsLiterally },
      ));
    const taskHint = () => {
      const tasks = new Set(
        status.locks.filter((l) => sameAgent(l.agent, identity.name) && l.task).map((l) => l.task!),
      );
      return tasks.size === 1 ? [...tasks][0] : '<id>';
    };

    for (const { path, what } of touched(input)) {
      for (const group of groupsOf(path)) {
        findings.push(...groupFinding(group, path, what));
      }
    }
    return findings;

    function groupFinding(group: ContractConfig, path: string, what: string): RawFinding[] {
      const owners = group.owners;
      const isOwner = owners.some((o) => sameAgent(o, identity.name));
      const who = identity.name ?? 'an unknown committer';
      if (!isOwner) {
        const lockCmd = `orch lock ${shellQuote(path)} --task <id>`;
        return [
          {
            rule: 'contract-owner',
            path,
            holder: owners.join(', '),
            message: `${what} belongs to the "${group.name}" contract group owned by ${ownerList(owners)}; ${who} may not change it.`,
            fix: `Leave ${path} out of this commit and ask ${ownerList(owners)} to make the change${
              group.requireLock ? ` (the owner locks it first: ${lockCmd})` : ''
            }.`,
          },
        ];
      }
      if (!group.requireLock) return [];
      if (ownLockIndex().match(path).length > 0) return [];
      return [
        {
          rule: 'contract-owner',
          path,
          message: `${what} is in the "${group.name}" contract group, which requires its owner to lock it first; ${who} holds no active lock covering it in ${config.statusFile}.`,
          fix: `orch lock ${shellQuote(path)} --task ${taskHint()}`,
        },
      ];
    }
  },
};
