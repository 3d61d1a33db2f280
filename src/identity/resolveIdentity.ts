// Who is committing (README: "Identity"): the first of flag, ORCH_AGENT, git config orch.agent,
// the commit's Agent: trailer, the author email mapped through config.agents; otherwise
// the person's git email.
import type { Config } from '../config/schema.js';
import { OrchError } from '../errors.js';
import type { Identity } from '../types.js';
import { normaliseName } from './sameAgent.js';

export interface IdentityClues {
  flag?: string;
  env?: string;
  gitConfig?: string;
  trailer?: string;
  email?: string;
}

// re-exported so a caller of resolveIdentity has the name comparison beside it
export { normaliseName, sameAgent } from './sameAgent.js';

export function resolveIdentity(clues: IdentityClues, config: Pick<Config, 'agents'>): Identity {
  const ordered: [Identity['source'], string | undefined][] = [
    ['flag', clues.flag],
    ['env', clues.env],
    ['git-config', clues.gitConfig],
    ['trailer', clues.trailer],
  ];
  for (const [source, value] of ordered) {
    if (value && normaliseName(value))
      return { name: checkedName(normaliseName(value), source), source, isAgent: true };
  }
  const email = clues.email?.trim();
  if (email) {
    const lower = email.toLowerCase();
    for (const [name, agent] of Object.entries(config.agents)) {
      if (agent.emails.some((e) => e.toLowerCase() === lower)) return { name, source: 'email-map', isAgent: true };
    }
    return { name: checkedName(email, 'git-email'), source: 'git-email', isAgent: false };
  }
  return { name: null, source: 'none', isAgent: false };
}

/**
 * A line break, `|` or control character in an agent's name would write broken lock rows
 * and forged trailers (a name "a\nAgent: b" is two trailers), and zero-width or
 * direction characters make two names look alike: such a name is refused, never cleaned.
 */
const BAD_NAME = /[|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const FROM: Record<string, string> = {
  flag: '--agent',
  env: 'ORCH_AGENT',
  'git-config': 'git config orch.agent',
  trailer: "the commit's Agent: trailer",
  'git-email': 'the git email (GIT_AUTHOR_EMAIL or git config user.email)',
};

function checkedName(name: string, source: Identity['source']): string {
  const bad = BAD_NAME.exec(name);
  if (!bad) return name;
  const what =
    bad[0] === '|'
      ? '"|"'
      : bad[0] === '\n' || bad[0] === '\r'
        ? 'a line break'
        : `the control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new OrchError(`the agent name from ${FROM[source] ?? source} (${JSON.stringify(name)}) contains ${what}.`, {
    hint: `Agent names are written into WORK_STATUS.md rows and commit trailers: use letters, digits, "-", "_" or "." (e.g. backend-architect). Fix ${FROM[source] ?? source} and run the command again.`,
    exitCode: 2,
  });
}
