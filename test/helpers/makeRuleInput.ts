// A RuleInput for unit tests: defaults for everything a rule may read, overridable.
import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import type { RuleInput } from '../../src/rules/rule.js';
import type { ChangeSet, Identity, Lock, Review, StatusDoc } from '../../src/types.js';

export interface RuleInputSpec {
  changes: ChangeSet;
  config?: ConfigInput;
  /** The committing agent's name; `person` makes it a person (isAgent false). */
  agent?: string | null;
  person?: boolean;
  locks?: Partial<Lock>[];
  reviews?: Review[];
  status?: Partial<StatusDoc>;
  now?: Date;
  ignoreCase?: boolean;
  configFile?: string;
  context?: RuleInput['context'];
}

export function makeRuleInput(spec: RuleInputSpec): RuleInput {
  const identity: Identity =
    spec.agent === null
      ? { name: null, source: 'none', isAgent: false }
      : spec.person
        ? { name: spec.agent ?? 'dev@acme.test', source: 'git-email', isAgent: false }
        : { name: spec.agent ?? 'backend-architect', source: 'env', isAgent: true };
  const locks: Lock[] = (spec.locks ?? []).map((l, i) => ({ path: '', agent: '', line: 10 + i, ...l }));
  return {
    changes: spec.changes,
    status: { locks, reviews: spec.reviews ?? [], problems: [], steals: [], ...spec.status },
    config: configSchema.parse(spec.config ?? {}),
    identity,
    context: spec.context ?? 'pre-commit',
    ignoreCase: spec.ignoreCase ?? false,
    now: spec.now ?? new Date('2026-11-26T12:00:00Z'),
    ...(spec.configFile ? { configFile: spec.configFile } : {}),
  };
}
