// The lock branch protects itself: a push to it (pre-receive on the server, pre-push, CI)
// is judged by status-integrity alone, commit by commit — each commit is an edit of the
// shared WORK_STATUS.md by its author (the Agent trailer orch writes, or the author email
// mapped through the agents table). Removing or rewriting another agent's row without a
// recorded steal is refused. A push that is not a fast-forward (history rewritten) is
// also judged as one edit from the old tip to the new one, so rows cannot vanish between
// commits. The other rules do not apply: the branch holds no project files (a commit that
// changes any file but the status file there is refused).
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { configAtRevision } from '../check/configAtRevision.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import { netDiffQuery } from '../git/netDiffQuery.js';
import { ask } from '../git/runGit.js';
import { isAncestor } from '../git/isAncestor.js';
import type { Report } from '../report/report.js';
import { buildReport } from '../report/buildReport.js';
import type { ChangeSet, Context, FileChange, Finding, StatusDoc } from '../types.js';
import { collectRange, commitChangeSet, type RangeRequest } from './collectRange.js';
import { commitIdentity } from '../identity/commitIdentity.js';
import type { Repo } from '../git/openRepo.js';
import { parseSkip } from '../check/parseSkip.js';
import { isRemoteName } from './parsePrePushInput.js';
import { label } from './rangeNotes.js';
import { checkChange } from '../check/checkChange.js';
import { refFindings } from './refFindings.js';
import type { LockBranchFile } from '../rules/collected.js';

const EMPTY: StatusDoc = { locks: [], reviews: [], problems: [], steals: [] };

export interface LockBranchCheck {
  report: Report;
  commits: ChangeSet[];
  range: ChangeSet;
  base: string | null;
  head: string;
}

/**
 * The project's lock branch: named by the configuration of the default branch (HEAD of a
 * server; HEAD, else <remote>/HEAD, of a clone) — the lock branch itself holds no
 * configuration. Also when that configuration does not (yet) turn remote mode on: clones
 * that use it before the change reaches the server push to the same branch, and their
 * releases must not be judged by rules about the project's files. Without any
 * configuration, the default lock branch.
 */
export async function lockBranchConfig(
  repo: Repo,
  remote?: string,
): Promise<{ branch: string; config: Config } | null> {
  // git's hook argument may be a URL: only a remote's name has remote-tracking refs
  const name = remote && isRemoteName(remote) ? remote : 'origin';
  // a server made with a plain `git init --bare` may have HEAD name a branch the project
  // never pushed: its usual default branches too
  const revs = repo.bare ? ['HEAD', 'refs/heads/main', 'refs/heads/master'] : ['HEAD', `refs/remotes/${name}/HEAD`];
  let defaults: Config | undefined;
  for (const rev of revs) {
    let found: Awaited<ReturnType<typeof configAtRevision>>;
    try {
      found = await configAtRevision(repo.blobs, rev, path.join(repo.commonDir, 'orch'));
    } catch {
      // a broken configuration is reported by the ordinary checks
      return null;
    }
    if (found.configFile === null) {
      defaults = found.config;
      continue;
    }
    return { branch: found.config.locks.branch.replace(/^refs\/heads\//, ''), config: found.config };
  }
  // no configuration found: the default lock branch is still the lock branch (which holds
  // only the status file — anything else pushed there is refused)
  return defaults ? { branch: defaults.locks.branch.replace(/^refs\/heads\//, ''), config: defaults } : null;
}

/**
 * A push that deletes the lock branch would drop every agent's lock at once: refused on
 * the server (pre-receive) and on the way there (pre-push), as status-integrity — so an
 * operator who means to reset the branch can let it through with that rule skipped.
 *
 * @param deletedRefs  the refs a push deletes (full names)
 */
export async function lockBranchDeletions(
  repo: Repo,
  deletedRefs: string[],
  opts: { env: NodeJS.ProcessEnv; context: Context; remote?: string },
): Promise<Finding[]> {
  if (deletedRefs.length === 0) return [];
  const found = await lockBranchConfig(repo, opts.remote);
  if (!found) return [];
  const deleted = deletedRefs.filter((ref) => ref.replace(/^refs\/heads\//, '') === found.branch);
  return refFindings(repo, found.config, { deletedLockBranch: deleted }, opts);
}

export async function checkLockBranch(
  repo: Repo,
  request: RangeRequest,
  config: Config,
  opts: { env: NodeJS.ProcessEnv; context: Context; now?: Date },
): Promise<LockBranchCheck> {
  const skip = parseSkip(opts.env.ORCH_SKIP);
  const now = opts.now ?? new Date();
  const collected = await collectRange(repo, request);
  const sets = collected.commits.map((c) => commitChangeSet(repo, c));
  const range = gitChangeSet({
    kind: 'range',
    files: collected.files,
    oldRev: collected.forkPoint,
    newRev: collected.head,
    commits: sets,
    blobs: repo.blobs,
    git: repo.git,
  });
  const identities = collected.commits.map((c) => commitIdentity(c.info, config));
  const basis = { config, branch: request.branch, ignoreCase: repo.ignoreCase, now, status: EMPTY, skip };
  const findings: Finding[] = [];
  if (!skip.all && collected.commits.length) {
    const branch = request.branch ?? '';
    const per = await Promise.all(
      collected.commits.map((c, i) =>
        checkChange(
          { ...basis, identity: identities[i] },
          {
            changes: sets[i],
            context: opts.context,
            // the branch holds the status file alone: anything else would escape the project's rules
            collected: { lockBranchFiles: foreignFiles(c.files, config.statusFile, branch) },
            only: ['status-integrity'],
          },
        ).then((found) =>
          found.map((f) => ({
            ...f,
            commit: c.info.sha,
            message: `${f.message} (lock branch ${branch} commit ${label(c.info)}${identities[i].name ? ` by ${identities[i].name}` : ''})`,
          })),
        ),
      ),
    );
    findings.push(...per.flat());
    const base = collected.base;
    if (base && !(await isAncestor(base, collected.head, repo.git))) {
      const files = await ask(netDiffQuery(base, collected.head), repo.git);
      const whole = gitChangeSet({
        kind: 'commit',
        files,
        oldRev: base,
        newRev: collected.head,
        blobs: repo.blobs,
        git: repo.git,
      });
      const who = identities[identities.length - 1];
      const found = await checkChange(
        { ...basis, identity: who },
        { changes: whole, context: opts.context, only: ['status-integrity'] },
      );
      findings.push(
        ...found.map((f) => ({
          ...f,
          commit: collected.head,
          message: `${f.message} (the push replaces ${base.slice(0, 7)} with ${collected.head.slice(0, 7)}: not a fast-forward)`,
        })),
      );
    }
  }
  const agents = new Set(identities.map((i) => i.name ?? ''));
  return {
    report: buildReport({
      context: opts.context,
      agent: agents.size === 1 ? identities[0].name : null,
      findings,
      skip,
    }),
    commits: sets,
    range,
    base: collected.base,
    head: collected.head,
  };
}

/** The files besides the status file that a lock-branch commit changes. */
function foreignFiles(files: FileChange[], statusFile: string, branch: string): LockBranchFile[] {
  return files.flatMap((f) =>
    [f.path, f.oldPath]
      .filter((p): p is string => p !== undefined && p !== statusFile)
      .map((p) => ({ path: p, branch })),
  );
}
