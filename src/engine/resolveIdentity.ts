// Who is committing (DESIGN §2): the first of flag, ORCH_AGENT, git config orch.agent,
// the commit's Agent: trailer, the author email mapped through config.agents; otherwise
// the person's git email.
import type { Config } from '../config/schema.js';
import type { Identity } from '../types.js';
import { normaliseName } from '../identity/sameAgent.js';

export interface IdentityClues {
  flag?: string;
  env?: string;
  gitConfig?: string;
  trailer?: string;
  email?: string;
}

// in src/identity so rules and compose can compare names without importing the engine
export { normaliseName, sameAgent } from '../identity/sameAgent.js';

export function resolveIdentity(clues: IdentityClues, config: Pick<Config, 'agents'>): Identity {
  const ordered: [Identity['source'], string | undefined][] = [
    ['flag', clues.flag],
    ['env', clues.env],
    ['git-config', clues.gitConfig],
    ['trailer', clues.trailer],
  ];
  for (const [source, value] of ordered) {
    if (value && normaliseName(value)) return { name: normaliseName(value), source, isAgent: true };
  }
  const email = clues.email?.trim();
  if (email) {
    const lower = email.toLowerCase();
    for (const [name, agent] of Object.entries(config.agents)) {
      if (agent.emails.some((e) => e.toLowerCase() === lower)) return { name, source: 'email-map', isAgent: true };
    }
    return { name: email, source: 'git-email', isAgent: false };
  }
  return { name: null, source: 'none', isAgent: false };
}
