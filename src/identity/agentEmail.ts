// The email an agent's lock-branch commits carry: the first one the agents table lists
// for it (so commit identity maps back to the agent), else a made-up address that can
// never be anyone's.
import type { Config } from '../config/schema.js';
import { sameAgent } from './resolveIdentity.js';

export function agentEmail(agent: string, config: Pick<Config, 'agents'>): string {
  for (const [name, entry] of Object.entries(config.agents)) {
    if (sameAgent(name, agent) && entry.emails.length) return entry.emails[0];
  }
  const local =
    agent
      .trim()
      .replace(/[^A-Za-z0-9._+-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'agent';
  return `${local}@orch.invalid`;
}
