// check for a range: every commit's change set through checkChange (commit by commit, in
// slices), the merges that took one side of a protected path, and the range as a whole
// with what collection found (ARCHITECTURE.md "The pipeline").
import { checkChange, type CheckBasis } from '../check/checkChange.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import type { Repo } from '../git/openRepo.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { RULES } from '../rules/registry.js';
import type { ChangeSet, Context, Finding, Identity, StatusDoc, StatusProblem } from '../types.js';
import { bindingStatus, sharedBinding } from './bindingStatus.js';
import type { CollectedRange } from './collectRange.js';
import { oneSidedMerges, protectedChanges } from './oneSidedMerges.js';
import { label } from './rangeNotes.js';
import type { RangeRead } from './readRange.js';

/** Rules that judge the range as a whole (they read `input.range`): run once, not per commit. */
export const RANGE_RULES = [
  'new-service-container',
  'container-review',
  'compose-consistency',
  'contract-proof',
  'contract-review',
  'decision-record',
  'dockerfile-practice',
] as const;
const COMMIT_RULES = RULES.map((r) => r.id).filter((id) => !(RANGE_RULES as readonly string[]).includes(id));

/** The rules a dropped change can break: who may change a path, and the lock table's own. */
const ONE_SIDED_RULES = ['lock-conflict', 'contract-owner', 'status-integrity'];

const COMMIT_SLICE = 64;

export interface RangeJudgement {
  repo: Repo;
  collected: CollectedRange;
  read: RangeRead;
  /** What binds every change of the range but the identity and the status. */
  basis: Omit<CheckBasis, 'identity' | 'status'>;
  context: Context;
  identities: Identity[];
  commitSets: ChangeSet[];
  range: ChangeSet;
}

export async function judgeRange(j: RangeJudgement): Promise<Finding[]> {
  const { read, identities } = j;
  const { baseDoc, headDoc, parentDocs, ownDocs, shared, lockCopy } = read;
  const bindingOf = (i: number) =>
    shared
      ? sharedBinding(shared, parentDocs[i], ownDocs[i], identities[i])
      : bindingStatus(baseDoc, parentDocs[i], ownDocs[i], identities[i]);
  // load the rules first, so that the reads of all commits leave in the same batches
  await Promise.all(RULES.map((r) => r.load()));
  const findings = await judgeCommits(j, bindingOf);
  findings.push(...(await judgeOneSided(j, bindingOf)));
  const whole = await checkChange(
    {
      ...j.basis,
      identity: identities[identities.length - 1],
      // approvals are read at the head: each commit that recorded one was judged above
      status: { locks: shared ? shared.locks : baseDoc.locks, reviews: headDoc.reviews, problems: [], steals: [] },
    },
    {
      changes: j.range,
      range: j.range,
      context: j.context,
      collected: {
        statusProblems: newStatusProblems(j.range, baseDoc, headDoc, j.basis.config.statusFile),
        ...(lockCopy?.fetchFailure ? { lockBranchFetch: lockCopy.fetchFailure } : {}),
      },
      only: RANGE_RULES,
    },
  );
  return [...findings, ...whole];
}

/**
 * Each commit against the status that bound it. In slices: their reads still share
 * cat-file batches, while what a slice reads (a thousand status files in a long range)
 * is not all held at once.
 */
async function judgeCommits(j: RangeJudgement, bindingOf: (i: number) => StatusDoc): Promise<Finding[]> {
  const { collected, read, identities } = j;
  const raw = collected.commits;
  const findings: Finding[] = [];
  for (let from = 0; from < raw.length; from += COMMIT_SLICE) {
    const slice = raw.slice(from, from + COMMIT_SLICE);
    const found = await Promise.all(
      slice.map((c, k) => {
        const i = from + k;
        return checkChange(
          { ...j.basis, status: bindingOf(i), identity: identities[i] },
          {
            changes: j.commitSets[i],
            range: j.range,
            context: j.context,
            statusSides: { old: read.parentDocs[i], new: read.ownDocs[i] },
            only: COMMIT_RULES,
          },
        ).then((f) => f.map((x) => inCommit(x, c, identities[i])));
      }),
    );
    findings.push(...found.flat());
  }
  return findings;
}

/**
 * The range's net effect on protected paths, where no commit's own change shows it: each
 * merge that kept one side of such a path is judged for the change it made against the
 * parent whose change it dropped (see oneSidedMerges).
 */
async function judgeOneSided(j: RangeJudgement, bindingOf: (i: number) => StatusDoc): Promise<Finding[]> {
  const { repo, collected, basis, identities } = j;
  const guarded = protectedChanges(collected.files, {
    config: basis.config,
    locks: [...j.read.baseDoc.locks, ...(j.read.shared?.locks ?? [])],
    configFile: basis.configFile,
    existsLiterally: basis.existsLiterally,
  });
  const paths = [...new Set(guarded.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path])))];
  const merges = await oneSidedMerges(collected.commits, paths, repo.git);
  const found: Finding[][] = await Promise.all(
    merges.map(async ({ index, from, files }) => {
      const c = collected.commits[index];
      const changes = gitChangeSet({
        kind: 'commit',
        files,
        oldRev: from,
        newRev: c.info.sha,
        commit: c.info,
        blobs: repo.blobs,
        git: repo.git,
      });
      const raw = await checkChange(
        { ...basis, status: bindingOf(index), identity: identities[index] },
        { changes, range: j.range, context: j.context, only: ONE_SIDED_RULES },
      );
      const dropped = ` — a merge that took one side: it dropped the change ${from.slice(0, 7)} brought in`;
      return raw.map((f) => inCommit({ ...f, message: `${f.message}${dropped}` }, c, identities[index]));
    }),
  );
  return found.flat();
}

function inCommit(f: Finding, c: RangeCommit, identity: Identity): Finding {
  const by = identity.name ? ` by ${identity.name}` : '';
  return { ...f, commit: c.info.sha, message: `${f.message} (commit ${label(c.info)}${by})` };
}

/** Unreadable lines the range adds to the status file (those already at the base are not news). */
function newStatusProblems(range: ChangeSet, base: StatusDoc, head: StatusDoc, statusFile: string): StatusProblem[] {
  if (!range.files.some((f) => f.path === statusFile)) return [];
  const before = new Set(base.problems.map((p) => p.text.trim()));
  return head.problems.filter((p) => !before.has(p.text.trim()));
}
