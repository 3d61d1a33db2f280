// When the project defines its agents (a roster), every name orch is given should be one of
// them: a misspelt name would silently escape ownership. The roster is read by the collect
// step (files on disk) and handed in as `input.collected.roster`; this rule only compares.
import type { Config } from '../config/schema.js';
import { closestMatch } from '../config/closestMatch.js';
import type { Roster } from '../roster/readRoster.js';
import { UNKNOWN_HOLDER } from '../status/readHolder.js';
import type { Identity, Lock, RawFinding } from '../types.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'unknown-agent',
  defaultSeverity: () => 'warning',
  summary: "A name in use is not in the project's roster of agents.",
  docs: `unknown-agent — a name orch is given is not an agent the project defines.

When the repository has agent definitions (markdown files whose front matter has a name:
.claude/agents/*.md and other usual places, or the globs in agentDefinitions), they make
the roster. The identity of a commit, every lock holder, contract owner, the container
reviewer and every configOwners entry is checked against the roster and the agents table;
a name in neither is a warning with the closest known name, since a misspelt name would
otherwise escape ownership silently. No roster: nothing is checked.

What to do: use the name the roster has, or add a definition for the new agent.

Config: agentDefinitions, agents, rules["unknown-agent"] ("error" blocks, "off" skips).`,
  check: () => [],
  collected(input) {
    const roster = input.collected?.roster;
    if (!roster) return [];
    return rosterFindings({
      roster,
      config: input.config,
      identity: input.identity,
      locks: input.status.locks,
      reviewsOn: input.config.rules['container-review'] !== 'off',
    });
  },
};

interface RosterInput {
  roster: Roster | null;
  config: Pick<Config, 'agents' | 'contracts' | 'review' | 'configOwners' | 'statusFile'>;
  identity: Pick<Identity, 'name' | 'isAgent' | 'source'>;
  locks: Lock[];
  /** Whether the review rule is on (its reviewer is then a name in use). */
  reviewsOn?: boolean;
}

/**
 * Every name orch is given — the identity, lock holders, contract owners, the container
 * reviewer, configOwners — against the roster and the `agents` table; each unknown name
 * once per place, with the closest known name.
 */
function rosterFindings(input: RosterInput): RawFinding[] {
  const { roster, config } = input;
  if (!roster) return [];
  const known = [...roster.agents.map((a) => a.name), ...Object.keys(config.agents)];
  const fold = (n: string) => n.replace(/^@+/, '').trim().toLowerCase();
  const knownSet = new Set(known.map(fold));
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  const check = (name: string | null | undefined, where: string, path: string | null, line?: number) => {
    if (!name || name === UNKNOWN_HOLDER || knownSet.has(fold(name))) return;
    const key = `${fold(name)}\0${where}`;
    if (seen.has(key)) return;
    seen.add(key);
    const guess = closestMatch(name.replace(/^@+/, ''), known);
    findings.push({
      rule: 'unknown-agent',
      path,
      ...(line ? { line } : {}),
      message: `${name} (${where}) is not a known agent${guess ? `; did you mean ${guess}?` : ''}`,
      fix: guess
        ? `Use the name ${guess}, or add an agent definition named ${name}.`
        : `Use a name from the roster (${known.slice(0, 8).join(', ')}), or add an agent definition named ${name}.`,
    });
  };
  if (input.identity.isAgent) check(input.identity.name, `the identity, from ${input.identity.source}`, null);
  for (const l of input.locks) check(l.agent, `lock holder of ${l.path}`, config.statusFile, l.line);
  for (const c of config.contracts) for (const o of c.owners) check(o, `owner of the contract ${c.name}`, null);
  // the built-in reviewer is orch's default, not a name the project chose
  if (input.reviewsOn !== false && config.review.reviewer !== 'docker-expert')
    check(config.review.reviewer, 'the configured container reviewer', null);
  for (const o of config.configOwners) check(o, 'a configOwners entry', null);
  return findings;
}
