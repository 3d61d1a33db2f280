// A push to refs/replace/* changes what git shows for an existing object: with
// `refs/replace/<evil>` pointing at a benign commit, every git process that honours
// replacements reads the benign one where the evil commit really is. orch reads real
// objects (runGit sets GIT_NO_REPLACE_OBJECTS), but people and other tools on the server
// do not; so pre-receive refuses such pushes unless the configuration allows them
// (allowReplaceRefs, read from the server's default branch).
import { configAtRevision } from '../check/configAtRevision.js';
import type { Repo } from '../git/openRepo.js';
import type { ReceiveLine } from './parsePreReceiveInput.js';
import type { Finding } from '../types.js';
import { parseSkip } from '../check/parseSkip.js';

export const REPLACE_PREFIX = 'refs/replace/';

export async function replaceRefFindings(repo: Repo, lines: ReceiveLine[], env: NodeJS.ProcessEnv): Promise<Finding[]> {
  const pushed = lines.filter((l) => l.ref.startsWith(REPLACE_PREFIX));
  if (pushed.length === 0) return [];
  const skip = parseSkip(env.ORCH_SKIP);
  if (skip.all || skip.rules.includes('status-integrity')) return [];
  const { config } = await configAtRevision(repo.blobs, 'HEAD');
  // strictly true: a configuration cached by an older orch (without the key) refuses
  if (config.allowReplaceRefs === true) return [];
  return pushed.map((l) => ({
    rule: 'status-integrity' as const,
    severity: 'error' as const,
    path: null,
    message: `this push writes ${l.ref}, a replacement: git would then show ${l.ref.slice(REPLACE_PREFIX.length, REPLACE_PREFIX.length + 12)} as another object, hiding what the history really holds.`,
    fix: 'Push the commits themselves, without refs/replace/*. If this server needs replacements, a person sets "allowReplaceRefs": true in the orch configuration of the default branch.',
  }));
}
