import { RULES, loadRule } from '../rules/registry.js';
import type { IO } from './io.js';
import { parseFlags } from './parseFlags.js';
import { OrchError } from '../errors.js';

const STATUS_PARSE_DOCS = `status-parse — a line in a lock section of WORK_STATUS.md could not be read.

orch reads many formats of lock tables, bullets and blocks (see the README). A line in an
active lock section that looks like content but yields no lock is reported as a warning
with its line number, so a lock nobody can see does not silently fail to protect a file.
It never blocks a commit unless rules["status-parse"] is "error".

What to do: rewrite the line as a row of the canonical table
  | Path | Agent | Task | Since | Expires | Note |
or move prose out of the lock section.`;

const UNKNOWN_AGENT_DOCS = `unknown-agent — a name orch is given is not an agent the project defines.

When the repository has agent definitions (markdown files whose front matter has a name:
.claude/agents/*.md and other usual places, or the globs in agentDefinitions), they make
the roster. The identity of a commit, every lock holder, contract owner, the container
reviewer and every configOwners entry is checked against the roster and the agents table;
a name in neither is a warning with the closest known name, since a misspelt name would
otherwise escape ownership silently. No roster: nothing is checked.

What to do: use the name the roster has, or add a definition for the new agent.

Config: agentDefinitions, agents, rules["unknown-agent"] ("error" blocks, "off" skips).`;

export async function run(args: string[], io: IO): Promise<number> {
  const { positionals } = parseFlags('explain', args, {});
  const id = positionals[0];
  if (!id) {
    const rules = await Promise.all(RULES.map((r) => r.load()));
    const width = Math.max(...rules.map((r) => r.id.length), 'status-parse'.length);
    for (const r of rules) io.stdout.write(`${r.id.padEnd(width)}  ${r.summary}\n`);
    io.stdout.write(
      `${'status-parse'.padEnd(width)}  A line of a lock section of the status file could not be read.\n`,
    );
    io.stdout.write(`${'unknown-agent'.padEnd(width)}  A name in use is not in the project's roster of agents.\n`);
    return 0;
  }
  if (id === 'status-parse') {
    io.stdout.write(STATUS_PARSE_DOCS + '\n');
    return 0;
  }
  if (id === 'unknown-agent') {
    io.stdout.write(UNKNOWN_AGENT_DOCS + '\n');
    return 0;
  }
  const rule = await loadRule(id);
  if (!rule) {
    throw new OrchError(`unknown rule "${id}".`, {
      hint: `Known rules: ${[...RULES.map((r) => r.id), 'status-parse', 'unknown-agent'].join(', ')}.`,
    });
  }
  io.stdout.write(rule.docs.trimEnd() + '\n');
  return 0;
}
