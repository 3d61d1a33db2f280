// The configuration a range is judged by. The head is untrusted — it may relax the rules
// it is judged by, or carry JavaScript — so the configuration comes from the base, as git
// has it. A range with no base (an orphan branch pushed as a new branch) takes the
// default branch's configuration, else the built-in defaults; a JavaScript configuration
// is never executed from any revision (configAtRevision reads text only).
import path from 'node:path';
import { objectsExist } from '../git/objectsExist.js';
import { configAtRevision, type RevisionConfig } from '../check/configAtRevision.js';
import type { Repo } from '../git/openRepo.js';

export interface RangeConfig extends RevisionConfig {
  /** The revision it was read from; null for the built-in defaults. */
  rev: string | null;
}

export async function rangeConfig(
  repo: Repo,
  base: string | null,
  opts: { defaultBranch?: string; remote?: string },
): Promise<RangeConfig> {
  const cacheDir = path.join(repo.commonDir, 'orch');
  const rev = base ?? (await defaultBranchRev(repo, opts));
  if (rev === null) return { ...(await configAtRevision(async () => null, 'HEAD', cacheDir)), rev: null };
  return { ...(await configAtRevision(repo.blobs, rev, cacheDir)), rev };
}

/** The default branch as this repository knows it: a server's HEAD, else the remote's (never the local branches, which the pusher controls). */
async function defaultBranchRev(repo: Repo, opts: { defaultBranch?: string; remote?: string }): Promise<string | null> {
  if (repo.bare) return 'HEAD';
  const remote = opts.remote ?? 'origin';
  const candidates = [
    ...(opts.defaultBranch ? [`refs/remotes/${remote}/${opts.defaultBranch}`, `refs/heads/${opts.defaultBranch}`] : []),
    `refs/remotes/${remote}/HEAD`,
    // a clone set up with `git remote add` has no remote HEAD: the usual names
    `refs/remotes/${remote}/main`,
    `refs/remotes/${remote}/master`,
  ];
  const exist = await objectsExist(candidates, repo.git);
  const i = exist.indexOf(true);
  return i === -1 ? null : candidates[i];
}
