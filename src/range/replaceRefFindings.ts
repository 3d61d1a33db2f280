// A push to refs/replace/* changes what git shows for an existing object: with
// `refs/replace/<evil>` pointing at a benign commit, every git process that honours
// replacements reads the benign one where the evil commit really is. orch reads real
// objects (runGit sets GIT_NO_REPLACE_OBJECTS), but people and other tools on the server
// do not; so pre-receive refuses such pushes unless the configuration allows them
// (allowReplaceRefs, read from the server's default branch).
import { configAtRevision } from '../check/configAtRevision.js';
import type { Repo } from '../git/openRepo.js';
import type { ReceiveLine } from './parsePreReceiveInput.js';
import type { Context, Finding } from '../types.js';
import { refFindings } from './refFindings.js';
import { parseSkip } from '../check/parseSkip.js';

export const REPLACE_PREFIX = 'refs/replace/';

export async function replaceRefFindings(
  repo: Repo,
  lines: ReceiveLine[],
  opts: { env: NodeJS.ProcessEnv; context: Context },
): Promise<Finding[]> {
  const pushed = lines.filter((l) => l.ref.startsWith(REPLACE_PREFIX));
  // an operator's ORCH_SKIP=1 needs no configuration read
  if (pushed.length === 0 || parseSkip(opts.env.ORCH_SKIP).all) return [];
  const { config } = await configAtRevision(repo.blobs, 'HEAD');
  // strictly true: a configuration cached by an older orch (without the key) refuses
  if (config.allowReplaceRefs === true) return [];
  return refFindings(repo, config, { replaceRefs: pushed.map((l) => l.ref) }, opts);
}
