// Which commits a CI job is about, from what the CI service puts in the environment:
// GitHub Actions (the event payload at GITHUB_EVENT_PATH), GitLab CI, Bitbucket Pipelines,
// or anything else through ORCH_BASE / ORCH_HEAD (which also override the others).
import { OrchError } from '../errors.js';
import { isZeroSha } from '../git/isZeroSha.js';

export type CiProvider = 'github' | 'gitlab' | 'bitbucket' | 'generic';

export interface CiRange {
  provider: CiProvider;
  /** What the range is, for people: "GitHub pull_request #12". */
  source: string;
  /** What the target branch has; null for a new branch. */
  base: string | null;
  head: string;
  /** For a new branch: rev-list arguments naming what the remote already has (after --not). */
  known?: string[];
  /** A push's `before` may be gone after a force push: check as a new branch then. */
  missingBase: 'new-branch' | 'error';
  /** The branch merged into or pushed to (short name). */
  branch?: string;
  defaultBranch?: string;
}

type Env = Record<string, string | undefined>;

/**
 * @param readFile  reads the event payload (GitHub); injected so that tests use fixtures
 * @returns null when the environment names no range (not CI, or an event without one)
 */
export function ciRangeFromEnv(env: Env, readFile: (path: string) => string, remote = 'origin'): CiRange | null {
  const detected = fromGithub(env, readFile, remote) ?? fromGitlab(env, remote) ?? fromBitbucket(env, remote);
  const base = value(env.ORCH_BASE);
  const head = value(env.ORCH_HEAD);
  if (base === undefined && head === undefined) return detected;
  if (base === undefined)
    return detected ? { ...detected, head: head!, source: `${detected.source}, head from ORCH_HEAD` } : null;
  const newBranch = isZeroSha(base);
  return {
    provider: detected?.provider ?? 'generic',
    source: 'ORCH_BASE/ORCH_HEAD',
    base: newBranch ? null : base,
    head: head ?? detected?.head ?? 'HEAD',
    known: [`--remotes=${remote}`],
    missingBase: 'error',
    branch: detected?.branch,
    defaultBranch: detected?.defaultBranch,
  };
}

function fromGithub(env: Env, readFile: (path: string) => string, remote: string): CiRange | null {
  if (env.GITHUB_ACTIONS !== 'true') return null;
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = value(env.GITHUB_EVENT_PATH);
  if (!path) return null;
  // a payload of any shape: each value read from it goes through str() or a check first
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let event: any;
  try {
    event = JSON.parse(readFile(path));
  } catch (e) {
    throw new OrchError(
      `cannot read the GitHub event payload at ${path} (GITHUB_EVENT_PATH): ${(e as Error).message}`,
      {
        hint: 'Pass the range yourself: orch ci --base <sha> --head <sha>.',
      },
    );
  }
  const defaultBranch = str(event?.repository?.default_branch);
  const pr = event?.pull_request;
  if (pr && str(pr.base?.sha) && str(pr.head?.sha)) {
    return {
      provider: 'github',
      source: `GitHub ${name || 'pull_request'} #${pr.number ?? '?'}`,
      base: pr.base.sha,
      head: pr.head.sha,
      missingBase: 'error',
      branch: str(pr.base.ref),
      defaultBranch,
    };
  }
  const group = event?.merge_group;
  if (group && str(group.base_sha) && str(group.head_sha)) {
    return {
      provider: 'github',
      source: 'GitHub merge_group',
      base: group.base_sha,
      head: group.head_sha,
      missingBase: 'error',
      branch: shortRef(str(group.base_ref)),
      defaultBranch,
    };
  }
  if (str(event?.after) && str(event?.before) !== undefined) {
    if (isZeroSha(event.after)) return null; // a deleted branch: nothing to check
    const branch = shortRef(str(event.ref) ?? env.GITHUB_REF);
    return {
      provider: 'github',
      source: `GitHub push${branch ? ` to ${branch}` : ''}`,
      ...pushRange(event.before, event.after, branch, remote),
      defaultBranch,
    };
  }
  return null;
}

function fromGitlab(env: Env, remote: string): CiRange | null {
  if (env.GITLAB_CI !== 'true') return null;
  const head = value(env.CI_COMMIT_SHA);
  if (!head) return null;
  const defaultBranch = value(env.CI_DEFAULT_BRANCH);
  const mrBase = value(env.CI_MERGE_REQUEST_DIFF_BASE_SHA);
  if (mrBase) {
    return {
      provider: 'gitlab',
      source: `GitLab merge request${env.CI_MERGE_REQUEST_IID ? ` !${env.CI_MERGE_REQUEST_IID}` : ''}`,
      base: mrBase,
      head,
      missingBase: 'error',
      branch: value(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME),
      defaultBranch,
    };
  }
  const branch = value(env.CI_COMMIT_BRANCH);
  if (!branch) return null; // a tag or a detached pipeline: no branch history to compare
  return {
    provider: 'gitlab',
    source: `GitLab push to ${branch}`,
    ...pushRange(value(env.CI_COMMIT_BEFORE_SHA) ?? '', head, branch, remote),
    defaultBranch,
  };
}

function fromBitbucket(env: Env, remote: string): CiRange | null {
  const head = value(env.BITBUCKET_COMMIT);
  if (!head) return null;
  const prBase = value(env.BITBUCKET_PR_DESTINATION_COMMIT);
  if (value(env.BITBUCKET_PR_ID) && prBase) {
    return {
      provider: 'bitbucket',
      source: `Bitbucket pull request #${env.BITBUCKET_PR_ID}`,
      base: prBase,
      head,
      missingBase: 'error',
      branch: value(env.BITBUCKET_PR_DESTINATION_BRANCH),
    };
  }
  const branch = value(env.BITBUCKET_BRANCH);
  if (!branch) return null;
  // Bitbucket names no previous commit for a push: everything the remote's other branches lack
  return { provider: 'bitbucket', source: `Bitbucket push to ${branch}`, ...pushRange('', head, branch, remote) };
}

function pushRange(before: string, after: string, branch: string | undefined, remote: string) {
  const newBranch = !before || isZeroSha(before);
  return {
    base: newBranch ? null : before,
    head: after,
    // what the remote had before: its branches, less the pushed one (the clone already
    // tracks it); also used when a force push left `before` out of the clone
    known: [...(branch ? [`--exclude=${remote}/${branch}`] : []), `--remotes=${remote}`],
    missingBase: 'new-branch' as const,
    branch,
  };
}

function shortRef(ref: string | undefined): string | undefined {
  return ref ? ref.replace(/^refs\/(heads|tags)\//, '') : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function value(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}
