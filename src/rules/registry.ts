// Every rule. The small ones every commit needs are part of the hook's own bundle (a
// module loaded on demand costs a file read and a compile each); the container rules are
// loaded only when a change can concern them, so a commit that touches no compose file or
// Dockerfile never loads the YAML and Dockerfile parsers.
import type { FileChange, RuleId } from '../types.js';
import type { Rule } from './rule.js';
import { rule as lockConflict } from './lock-conflict.js';
import { rule as lockRequired } from './lock-required.js';
import { rule as contractOwner } from './contract-owner.js';
import { rule as statusIntegrity } from './status-integrity.js';
import { rule as noPlaceholder } from './no-placeholder.js';
import { rule as taskCompletion } from './task-completion.js';
import { rule as signedIdentity } from './signed-identity.js';
import { rule as contractProof } from './contract-proof.js';
import { rule as contractReview } from './contract-review.js';
import { rule as decisionRecord } from './decision-record.js';
import { rule as foreignEdit } from './foreign-edit.js';
import { isContainerFile, touchesContainers } from '../compose/touchesContainers.js';
import { rule as statusParse } from './status-parse.js';
import { rule as unknownAgent } from './unknown-agent.js';

export interface RuleEntry {
  id: RuleId;
  load(): Promise<Rule>;
  /** The rule turns what collection found (`input.collected`) into findings (Rule.collected). */
  collects?: true;
  /** A cheap test on the changed files; false means the rule cannot find anything. */
  mayApply?(files: FileChange[]): boolean;
}

const touchesDockerfile = (files: FileChange[]) =>
  files.some((f) => f.status !== 'D' && /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile)$/i.test(f.path));

// a new contract file or service directory is an added, copied or renamed file; a new
// compose service is a change to a compose file
const addsSomething = (files: FileChange[]) =>
  files.some((f) => f.status === 'A' || f.status === 'C' || f.status === 'R' || isContainerFile(f.path));

const containers = () => import('./containerRules.js');

export const RULES: RuleEntry[] = [
  { id: 'lock-conflict', load: async () => lockConflict, collects: true },
  { id: 'lock-required', load: async () => lockRequired },
  { id: 'contract-owner', load: async () => contractOwner },
  { id: 'status-integrity', load: async () => statusIntegrity, collects: true },
  { id: 'no-placeholder', load: async () => noPlaceholder },
  {
    id: 'new-service-container',
    load: async () => (await containers()).newServiceContainer,
    mayApply: touchesContainers,
  },
  { id: 'compose-consistency', load: async () => (await containers()).composeConsistency, mayApply: touchesContainers },
  { id: 'container-review', load: async () => (await containers()).containerReview, mayApply: touchesContainers },
  { id: 'contract-proof', load: async () => contractProof },
  { id: 'contract-review', load: async () => contractReview },
  { id: 'decision-record', load: async () => decisionRecord, mayApply: addsSomething },
  { id: 'dockerfile-practice', load: async () => (await containers()).dockerfilePractice, mayApply: touchesDockerfile },
  { id: 'task-completion', load: async () => taskCompletion },
  { id: 'signed-identity', load: async () => signedIdentity },
  { id: 'foreign-edit', load: async () => foreignEdit },
  { id: 'status-parse', load: async () => statusParse, collects: true },
  { id: 'unknown-agent', load: async () => unknownAgent, collects: true },
];

export async function loadRule(id: string): Promise<Rule | undefined> {
  const entry = RULES.find((r) => r.id === id);
  return entry ? entry.load() : undefined;
}
