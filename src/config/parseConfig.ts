// Validation of already-parsed configuration data against the zod schema; the single
// place where a Config comes into being, so every reader fills in the same defaults.
import { OrchError } from '../errors.js';
import { formatConfigError } from './formatConfigError.js';
import { configSchema, type Config } from './schema.js';

export function parseConfig(raw: unknown, filepath: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const yaml = /\.ya?ml$|(^|[\\/])\.orchrc$/.test(filepath);
  throw new OrchError(formatConfigError(result.error.issues, raw, filepath), {
    hint: yaml
      ? 'Fix the keys listed above. Editors check the file as you type with "# yaml-language-server: $schema=./node_modules/orchguard/schema.json" on its first line.'
      : 'Fix the keys listed above. Editors check the file as you type with "$schema": "./node_modules/orchguard/schema.json" in it.',
    cause: result.error,
  });
}
