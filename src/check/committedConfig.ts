// pre-commit judges a commit by the configuration HEAD has, not by the working tree's or
// the index's: an agent that stages `.orchrc.json` with `"contract-owner": "off"` (or
// leaves such an edit unstaged) must not have it applied to its own commit. A change of
// the configuration takes effect once it is committed, by someone allowed to make it.
import type { FileChange } from '../types.js';
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import type { Config } from '../config/schema.js';
import { isOrchError } from '../errors.js';
import type { BlobReader } from '../git/blobReader.js';
import { configAtRevision } from './configAtRevision.js';

export interface CommittedConfig {
  config: Config;
  /** Repository-relative. */
  configFile: string | null;
}

/**
 * HEAD's configuration, or what stands in for it:
 * - HEAD has none (a new repository, a configuration never committed): the working
 *   tree's (null here), unless the commit adds one — then the built-in defaults judge it;
 * - HEAD's cannot be read as text (JavaScript, or broken): the working tree's when the
 *   commit leaves the configuration alone, else the built-in defaults. JavaScript is
 *   never loaded from a revision.
 */
export async function committedConfig(
  blobs: BlobReader,
  staged: Promise<FileChange[]>,
  cacheDir: string,
): Promise<CommittedConfig | null> {
  const touches = async () =>
    (await staged).some((f) => isConfigPlace(f.path) || (f.oldPath !== undefined && isConfigPlace(f.oldPath)));
  const defaults = async () => (await configAtRevision(async () => null, 'HEAD', cacheDir)).config;
  try {
    const found = await configAtRevision(blobs, 'HEAD', cacheDir);
    if (found.configFile !== null) return found;
    return (await touches()) ? { config: await defaults(), configFile: null } : null;
  } catch (e) {
    if (!isOrchError(e)) throw e;
    return (await touches()) ? { config: await defaults(), configFile: null } : null;
  }
}

const PLACES = new Set<string>(CONFIG_SEARCH_PLACES.map((p) => p.toLowerCase()));

/** A file orch reads its configuration from, at the repository root (any case: a twin on macOS is that file). */
function isConfigPlace(p: string): boolean {
  return PLACES.has(p.toLowerCase());
}
