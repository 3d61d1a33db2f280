// The configuration as a revision has it, read from git rather than the working tree: a
// pull request's head is untrusted, so CI, pre-push and pre-receive judge a range by the
// configuration of its base. Every place orch looks is read in one cat-file batch.
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import type { Config } from '../config/schema.js';
import { isOrchError, OrchError } from '../errors.js';
import type { BlobReader } from '../git/blobReader.js';
import { readConfigCache, writeConfigCache } from '../config/configCache.js';

export interface RevisionConfig {
  config: Config;
  /** Repository-relative path of the file it came from; null when the defaults apply. */
  configFile: string | null;
}

/**
 * @param cacheDir  where validated configurations are kept (the git dir's orch/): a base
 *   that did not change its configuration since the last check skips the validator
 */
export async function configAtRevision(blobs: BlobReader, rev: string, cacheDir?: string): Promise<RevisionConfig> {
  const found = await Promise.all(CONFIG_SEARCH_PLACES.map((name) => blobs(`${rev}:${name}`)));
  for (let i = 0; i < CONFIG_SEARCH_PLACES.length; i++) {
    const buf = found[i];
    if (!buf) continue;
    const name = CONFIG_SEARCH_PLACES[i];
    const text = buf.toString('utf8');
    if (name === 'package.json' && !hasOrchKey(text)) continue;
    try {
      return { config: await validated(text, name, cacheDir), configFile: name };
    } catch (e) {
      if (!isOrchError(e)) throw e;
      const at = /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 12) : rev;
      throw new OrchError(`${e.message} (read from ${at}, the revision the checked commits build on)`, {
        hint: e.hint,
        cause: e,
      });
    }
  }
  return { config: await validated('{}', '.orchrc.json', cacheDir), configFile: null };
}

async function validated(text: string, name: string, cacheDir: string | undefined): Promise<Config> {
  const cached = cacheDir ? readConfigCache(cacheDir, name, text, 'revision') : undefined;
  if (cached) return cached;
  // the validator (zod) is loaded only here, not by every command that can check a range
  const { parseConfigText } = await import('../config/parseConfigText.js');
  const config = parseConfigText(text, name);
  if (cacheDir) writeConfigCache(cacheDir, name, text, config, 'revision');
  return config;
}

function hasOrchKey(text: string): boolean {
  try {
    const raw = JSON.parse(text) as unknown;
    return (
      raw !== null &&
      typeof raw === 'object' &&
      !Array.isArray(raw) &&
      (raw as Record<string, unknown>).orch !== undefined
    );
  } catch {
    // a broken package.json that mentions orch is reported by the parser; one that does not is not ours
    return /"orch"\s*:/.test(text);
  }
}
