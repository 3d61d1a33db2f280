// Who made a commit of a range: its last `Agent:` trailer (what orch's commit-msg hook
// wrote), else the author email mapped through the agents table, else the author as a
// person. A flag or ORCH_AGENT says who is running orch, not who made the commits, so
// neither applies here.
import type { Config } from '../config/schema.js';
import type { CommitInfo, Identity } from '../types.js';
import { resolveIdentity } from './resolveIdentity.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** The Agent: trailer orch's hooks wrote, when there is a usable one. */
export function agentTrailer(commit: Pick<CommitInfo, 'trailers'>): string | undefined {
  const values = commit.trailers.agent ?? [];
  const last = values[values.length - 1]?.trim();
  return last && last.toLowerCase() !== 'unknown' ? last : undefined;
}

export function commitIdentity(
  commit: Pick<CommitInfo, 'trailers' | 'authorEmail'>,
  config: Pick<Config, 'agents'>,
): Identity {
  const trailer = agentTrailer(commit);
  // a person's commit through orch's hooks carries their email as the agent: still a person
  if (trailer && EMAIL.test(trailer)) return resolveIdentity({ email: trailer }, config);
  return resolveIdentity({ trailer, email: commit.authorEmail }, config);
}
