// Configuration from text alone, never the file system: CI reads the file from the
// pull request's base revision with git (the head is untrusted) and hands it here.
import { basename } from 'node:path';
import { OrchError } from '../errors.js';
import { parseConfig } from './parseConfig.js';
import { parseConfigSyntax } from './parseConfigSyntax.js';
import { configSchema, type Config } from './schema.js';

/**
 * Parses and validates configuration text. The format follows the file name: JSON for
 * `.json`, YAML for `.orchrc`, `.yaml`, `.yml`; for `package.json` the `orch` key is
 * read, and a package.json without one yields the defaults. JavaScript files cannot
 * be read as text and throw an OrchError.
 */
export function parseConfigText(text: string, filepath: string): Config {
  let raw = parseConfigSyntax(text, filepath);
  let shownAs = filepath;
  if (basename(filepath) === 'package.json') {
    const own =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as Record<string, unknown>).orch
        : undefined;
    if (own === undefined) return configSchema.parse({});
    raw = own;
    shownAs = `${filepath} (key "orch")`;
  }
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '$import')) {
    throw new OrchError(
      `${shownAs}: "$import" cannot be followed when the configuration is read as text (CI reads it from git, not from the working tree).`,
      {
        hint: 'Copy the imported settings into this file and remove "$import".',
      },
    );
  }
  return parseConfig(raw, shownAs);
}
