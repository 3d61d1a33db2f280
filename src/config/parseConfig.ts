// Validation of already-parsed configuration data against the zod schema; the single
// place where a Config comes into being, so every reader fills in the same defaults.
import path from 'node:path';
import { OrchError } from '../errors.js';
import { schemaPathFor } from './schemaPathFor.js';
import { formatConfigError } from './formatConfigError.js';
import { configSchema, type Config } from './schema.js';

/** `filepath` names the source in messages (it may carry a note such as ` (key "orch")`). */
export function parseConfig(raw: unknown, filepath: string): Config {
  const result = configSchema.safeParse(liftAgentDefinitions(raw, filepath));
  if (result.success) return result.data;
  throw new OrchError(formatConfigError(result.error.issues, raw, filepath), {
    hint: hintFor(filepath),
    cause: result.error,
  });
}

// Editors check the file as it is typed once it names the schema, each format its own way.
// The path recommended is one that exists from where the file is (see schemaPathFor).
function hintFor(filepath: string): string {
  const fix = 'Fix the keys listed above.';
  const isJson = /\.orchrc\.json$/.test(filepath);
  if (!isJson && !/\.ya?ml$/.test(filepath)) return fix;
  const schema = schemaPathFor(path.dirname(filepath));
  if (!schema) return fix;
  if (isJson) return `${fix} Add "$schema": "${schema}" and editors check the file as you type.`;
  return `${fix} Start the file with "# yaml-language-server: $schema=${schema}" and editors check it as you type.`;
}

/**
 * `agents.definitions` (the globs of agent definition files) sits beside the agents it
 * names in what users write; inside, `agents` is a record of agents only, so the globs
 * move to `agentDefinitions` before validation. Both at once is ambiguous: refused.
 */
export function liftAgentDefinitions(raw: unknown, filepath: string): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const agents = (raw as Record<string, unknown>).agents;
  if (agents === null || typeof agents !== 'object' || Array.isArray(agents) || !Object.hasOwn(agents, 'definitions'))
    return raw;
  const { definitions, ...named } = agents as Record<string, unknown>;
  if (Object.hasOwn(raw, 'agentDefinitions')) {
    throw new OrchError(
      `${filepath}: "agents.definitions" and "agentDefinitions" both name the agent definition files.`,
      {
        hint: 'Keep one of them (they mean the same).',
      },
    );
  }
  return { ...(raw as Record<string, unknown>), agents: named, agentDefinitions: definitions };
}
