// Reads a configuration file as UTF-8 text. Absence (or a directory of that name, which
// cosmiconfig also passes over) is null; a file that exists but cannot be used is an
// OrchError, because silently falling back to defaults would switch checks off.
import { readFileSync } from 'node:fs';
import { OrchError } from '../errors.js';

export function readConfigFile(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new OrchError(`${file} cannot be read: permission denied.`, {
        hint: `Make it readable (chmod a+r "${file}") or remove it.`,
        cause: e,
      });
    }
    throw new OrchError(`${file} cannot be read (${code ?? (e as Error).message}).`, { cause: e });
  }
  if (bytes.includes(0)) {
    throw new OrchError(
      `${file} is not a text file (it contains NUL bytes); the configuration must be UTF-8 JSON or YAML.`,
      {
        hint: 'Check that it was not overwritten or saved as UTF-16; save it as UTF-8.',
      },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new OrchError(`${file} is not valid UTF-8 text.`, { hint: 'Save it as UTF-8.', cause: e });
  }
}
