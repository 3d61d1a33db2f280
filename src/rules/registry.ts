// Every rule, loaded only when a change can concern it: a commit that touches no compose
// file or Dockerfile never loads the YAML and Dockerfile parsers.
import type { FileChange, RuleId } from '../types.js';
import type { Rule } from './rule.js';

export interface RuleEntry {
  id: Exclude<RuleId, 'status-parse'>;
  load(): Promise<Rule>;
  /** A cheap test on the changed files; false means the rule cannot find anything. */
  mayApply?(files: FileChange[]): boolean;
}

const CONTAINER_FILE = /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|[^/]*compose[^/]*\.ya?ml|\.env|package\.json|go\.mod|pyproject\.toml|requirements\.txt|Pipfile|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|composer\.json|Gemfile|mix\.exs|[^/]*\.csproj)$/i;
const touchesContainers = (files: FileChange[]) =>
  files.some((f) => f.status === 'D' || f.status === 'R' || CONTAINER_FILE.test(f.path) || (f.oldPath !== undefined && CONTAINER_FILE.test(f.oldPath)));

export const RULES: RuleEntry[] = [
  { id: 'lock-conflict', load: async () => (await import('./lock-conflict.js')).rule },
  { id: 'lock-required', load: async () => (await import('./lock-required.js')).rule },
  { id: 'contract-owner', load: async () => (await import('./contract-owner.js')).rule },
  { id: 'status-integrity', load: async () => (await import('./status-integrity.js')).rule },
  { id: 'no-placeholder', load: async () => (await import('./no-placeholder.js')).rule },
  { id: 'new-service-container', load: async () => (await import('./new-service-container.js')).rule, mayApply: touchesContainers },
  { id: 'compose-consistency', load: async () => (await import('./compose-consistency.js')).rule, mayApply: touchesContainers },
  { id: 'container-review', load: async () => (await import('./container-review.js')).rule, mayApply: touchesContainers },
  { id: 'task-completion', load: async () => (await import('./task-completion.js')).rule },
  { id: 'signed-identity', load: async () => (await import('./signed-identity.js')).rule },
];

export async function loadRule(id: string): Promise<Rule | undefined> {
  const entry = RULES.find((r) => r.id === id);
  return entry ? entry.load() : undefined;
}
