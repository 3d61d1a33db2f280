// When the project defines its agents (a roster), every name orch is given should be one of
// them: a misspelt name would silently escape ownership. The roster is read by the collect
// step (files on disk) and handed in as `input.collected.roster`; this rule only compares.
import { rosterFindings } from '../roster/rosterFindings.js';
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
