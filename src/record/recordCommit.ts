// record: after a passing pre-commit, write the bookkeeping the protocol asks for into
// the commit itself — one Log entry, review requests for container files — and leave the
// trailers for the commit-msg hook (which is sh, so a commit starts one Node.js process).
// It works from what the check handed on (Prepared and the ChangeSet; ARCHITECTURE.md,
// "The data handed on"), never by asking collect or the rule registry again.
import { headAuthorTimeQuery } from '../git/authorTimeQuery.js';
import { blobText } from '../git/blobReader.js';
import { commitIdQuery } from '../git/commitIdQuery.js';
import { amendFromProc, isAmend } from '../git/isAmend.js';
import { ask } from '../git/runGit.js';
import { stagedChangesSince } from '../git/stagedChangesQuery.js';
import type { Prepared } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/sameAgent.js';
import { buildLockIndex } from '../locks/lockIndex.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import type { ChangeSet, FileChange, Review } from '../types.js';
import { formatLogEntry } from './formatLogEntry.js';
import { lastRecord, trailersFile, writeState } from './recordState.js';
import { reviewRequests } from './reviewRequests.js';
import { writeRecord } from './writeRecord.js';

export interface RecordResult {
  entry?: string;
  reviews: Review[];
  trailers: string[];
}

export async function recordCommit(
  prepared: Prepared,
  changes: ChangeSet,
  env: NodeJS.ProcessEnv,
): Promise<RecordResult> {
  const { repo, config, identity, skip } = prepared;
  const head = ask(commitIdQuery('HEAD'), repo.git).then((id) => id ?? '');
  const notStatus = (f: FileChange) => f.path !== config.statusFile && f.oldPath !== config.statusFile;
  // an amend replaces HEAD: its entry and task describe the whole amended change
  const amended = (await amendCheck(prepared, env)) ? await amendedChange(prepared) : undefined;
  const logFiles = (amended?.files ?? changes.files).filter(notStatus);
  const task = env.ORCH_TASK?.trim() || taskFromLocks(prepared, amended?.files ?? changes.files);
  const trailers = trailerLines(prepared, task);
  writeState(repo.gitDir, trailersFile(env), trailers.join('\n') + '\n');
  const result: RecordResult = { reviews: [], trailers };
  if (skip.all) return result;

  // container files or contracts with consumers changed: review requests in the same commit
  result.reviews = await reviewRequests(prepared, changes);
  const wantsLog = config.log.enabled && logFiles.length > 0 && changes.files.some(notStatus);
  // An attempt that aborted after pre-commit (a later hook step failed, commit-msg refused,
  // an empty message) left its entry staged: it goes, so the commit carries exactly one.
  const last = lastRecord(repo.gitDir, env, await head);
  if (!wantsLog && result.reviews.length === 0 && !last?.entry) return result;

  const agent = identity.name ?? 'unknown';
  const at = formatStatusTime(prepared.now);
  let entry = wantsLog
    ? formatLogEntry({ at, agent, task, files: logFiles, maxPaths: config.log.maxPaths })
    : undefined;
  // same change, same agent: an amend keeps the entry HEAD added (and its time)
  const replaceLine = amended?.previousEntry;
  const tail = (l: string) => l.replace(/^\s*- \S+ /, '');
  if (entry && replaceLine && tail(replaceLine) === tail(entry)) entry = replaceLine;
  result.entry = entry;
  await writeRecord(prepared, env, { head: await head, entry, replaceLine, last, reviews: result.reviews });
  return result;
}

/** Agent, Task and Orch-Skip: a person (no agent identity, only a git email) makes no claim to be an agent. */
function trailerLines(prepared: Prepared, task: string | undefined): string[] {
  const { identity, skip } = prepared;
  const trailers = [
    ...(identity.isAgent && identity.name ? [`Agent: ${identity.name}`] : []),
    ...(task ? [`Task: ${task}`] : []),
  ];
  if (skip.all || skip.rules.length) trailers.push(`Orch-Skip: ${skip.all ? 'all' : skip.rules.join(',')}`);
  return trailers;
}

/** The task of the agent's own locks that cover the changed paths, when there is exactly one. */
function taskFromLocks(prepared: Prepared, files: FileChange[]): string | undefined {
  const own = prepared.status.combined.locks.filter((l) => l.task && sameAgent(l.agent, prepared.identity.name));
  if (!own.length) return undefined;
  const index = buildLockIndex(own, {
    ignoreCase: prepared.repo.ignoreCase,
    existsLiterally: prepared.existsLiterally,
  });
  const tasks = new Set<string>();
  for (const f of files) for (const l of index.match(f.path)) tasks.add(l.task!);
  return tasks.size === 1 ? [...tasks][0] : tasks.size > 1 ? [...tasks].sort().join(',') : undefined;
}

async function amendCheck(prepared: Prepared, env: NodeJS.ProcessEnv): Promise<boolean> {
  const fromProc = amendFromProc();
  if (fromProc !== undefined) return fromProc;
  return isAmend(env.GIT_AUTHOR_DATE, await ask(headAuthorTimeQuery, prepared.repo.git), prepared.now);
}

/** The change an amend makes in all (HEAD^ → index), and the Log entry HEAD itself added. */
async function amendedChange(prepared: Prepared): Promise<{ files: FileChange[]; previousEntry?: string }> {
  const { repo, config } = prepared;
  const parent = await ask(commitIdQuery('HEAD^'), repo.git);
  const base = parent ?? EMPTY_TREE;
  // the normal commit's query against the parent: renames, copies and submodules read alike
  const [files, headText, parentText] = await Promise.all([
    ask(stagedChangesSince(base), repo.git),
    repo.blobs(`HEAD:${config.statusFile}`).then(blobText),
    parent ? repo.blobs(`${base}:${config.statusFile}`).then(blobText) : Promise.resolve(null),
  ]);
  const before = new Set((parentText ?? '').split(/\r?\n/));
  const added = (headText ?? '').split(/\r?\n/).filter((l) => /^\s*- \d{4}-/.test(l) && !before.has(l));
  return { files, previousEntry: added[added.length - 1] };
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
