// Who is committing (DESIGN §2): the first of flag, ORCH_AGENT, git config orch.agent,
// the commit's Agent: trailer, the author email mapped through config.agents; otherwise
// the person's git email.
import type { Config } from '../config/schema.js';
import type { Identity } from '../types.js';
import { UNKNOWN_HOLDER } from '../status/readHolder.js';

export interface IdentityClues {
  flag?: string;
  env?: string;
  gitConfig?: string;
  trailer?: string;
  email?: string;
}

export function normaliseName(name: string): string {
  return name.trim().replace(/^@+/, '').trim();
}

export function sameAgent(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  // A lock whose holder could not be read binds everyone, whatever name they give.
  if (a === UNKNOWN_HOLDER || b === UNKNOWN_HOLDER) return false;
  return normaliseName(a).toLowerCase() === normaliseName(b).toLowerCase();
}

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
