// Validation of already-parsed configuration data against the zod schema; the single
// place where a Config comes into being, so every reader fills in the same defaults.
import path from 'node:path';
import { OrchError } from '../errors.js';
import { schemaPathFor } from './schemaPathFor.js';
import { formatConfigError } from './formatConfigError.js';
import { configSchema, type Config } from './schema.js';

/** `filepath` names the source in messages (it may carry a note such as ` (key "orch")`). */
export function parseConfig(raw: unknown, filepath: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new OrchError(formatConfigError(result.error.issues, raw, filepath), { hint: hintFor(filepath), cause: result.error });
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
