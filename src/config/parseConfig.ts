// Validation of already-parsed configuration data against the zod schema; the single
// place where a Config comes into being, so every reader fills in the same defaults.
import { OrchError } from '../errors.js';
import { formatConfigError } from './formatConfigError.js';
import { configSchema, type Config } from './schema.js';

/** `filepath` names the source in messages (it may carry a note such as ` (key "orch")`). */
export function parseConfig(raw: unknown, filepath: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new OrchError(formatConfigError(result.error.issues, raw, filepath), { hint: hintFor(filepath), cause: result.error });
}

// Editors check the file as it is typed once it names the schema, each format its own way.
function hintFor(filepath: string): string {
  const fix = 'Fix the keys listed above.';
  if (/\.orchrc\.json$/.test(filepath)) return `${fix} Add "$schema": "./node_modules/orchguard/schema.json" and editors check the file as you type.`;
  if (/\.ya?ml$/.test(filepath)) return `${fix} Start the file with "# yaml-language-server: $schema=./node_modules/orchguard/schema.json" and editors check it as you type.`;
  return fix;
}
