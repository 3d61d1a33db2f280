// record: after a passing pre-commit, write the bookkeeping the protocol asks for into
// the commit itself — one Log entry, review requests for container files — and leave the
// trailers for the commit-msg hook (which is sh, so a commit starts one Node.js process).
import fs from 'node:fs';
import path from 'node:path';
import { indexEntryQuery, type IndexEntry } from '../git/indexEntryQuery.js';
import { amendFromProc, isAmend } from '../git/isAmend.js';
import { ask } from '../git/runGit.js';
import { stagedChangesSince } from '../git/stagedChangesQuery.js';
import { commitIdQuery } from '../git/commitIdQuery.js';
import { headAuthorTimeQuery } from '../git/authorTimeQuery.js';
import { setSkipWorktree, skipWorktreeQuery } from '../git/skipWorktree.js';
import { restoreIndexEntry } from '../git/restoreIndexEntry.js';
import { writeIndexEntry } from '../git/writeIndexEntry.js';
import { blobText } from '../git/blobReader.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import { appendLog } from '../status/appendLog.js';
import { dropLogEntry } from '../status/dropLogEntry.js';
import { addReview } from '../status/addReview.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import type { ChangeSet, FileChange, Review } from '../types.js';
import { formatLogEntry } from './formatLogEntry.js';
import { appendToArchive, archiveLog } from './archiveLog.js';
import { atomicWrite } from '../fs/atomicWrite.js';
import { checkUtf8 } from '../fs/checkUtf8.js';
import { stagedEntryNow, type Prepared } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { statusTmpDir, updateStatusLocked, withStatusLock } from '../store/updateStatus.js';
import { readStatusText } from '../store/loadStatus.js';
import { buildLockIndex } from '../locks/lockIndex.js';
import { RULES } from '../rules/registry.js';

export interface RecordResult {
  entry?: string;
  reviews: Review[];
  trailers: string[];
}

export function orchStateDir(gitDir: string): string {
  return path.join(gitDir, 'orch');
}

export async function recordCommit(
  prepared: Prepared,
  changes: ChangeSet,
  env: NodeJS.ProcessEnv,
): Promise<RecordResult> {
  const { repo, config, identity, skip } = prepared;
  const head = headCommit(prepared.repo);
  const agent = identity.name ?? 'unknown';
  const statusFile = config.statusFile;
  const notStatus = (f: FileChange) => f.path !== statusFile && f.oldPath !== statusFile;
  // an amend replaces HEAD: its entry and task describe the whole amended change
  const amend = await amendCheck(prepared, env);
  const amended = amend ? await amendedChange(prepared) : undefined;
  const logFiles = (amended?.files ?? changes.files).filter(notStatus);
  const task = env.ORCH_TASK?.trim() || taskFromLocks(prepared, amended?.files ?? changes.files);
  // a person (no agent identity, only a git email) makes no claim to be an agent
  const trailers = [
    ...(identity.isAgent && identity.name ? [`Agent: ${agent}`] : []),
    ...(task ? [`Task: ${task}`] : []),
  ];
  if (skip.all || skip.rules.length) trailers.push(`Orch-Skip: ${skip.all ? 'all' : skip.rules.join(',')}`);
  writeState(repo.gitDir, trailersFile(env), trailers.join('\n') + '\n');
  const result: RecordResult = { reviews: [], trailers };
  if (skip.all) return result;

  // container files or contracts with consumers changed: record review requests in the
  // same commit (the container parsers load only when a container file changed)
  const containerEntry = RULES.find((r) => r.id === 'container-review');
  const gates: ('container-review' | 'contract-review')[] = [];
  if (containerEntry?.mayApply?.(changes.files) && !skip.rules.includes('container-review'))
    gates.push('container-review');
  if (config.contracts.some((c) => c.consumers?.length) && !skip.rules.includes('contract-review'))
    gates.push('contract-review');
  if (gates.length > 0) {
    const { reviewRequestsFor } = await import('../compose/reviewRequestsFor.js');
    const notes = gates.includes('container-review')
      ? await (await import('../rules/containerRules.js')).practiceNote(changes, config)
      : undefined;
    result.reviews = await reviewRequestsFor(changes, config, identity, prepared.status.own, prepared.now, {
      rules: gates,
      notes,
    });
  }
  const wantsLog = config.log.enabled && logFiles.length > 0 && changes.files.some(notStatus);
  // An attempt that aborted after pre-commit (a later hook step failed, commit-msg refused,
  // an empty message) left its entry staged: it goes, so the commit carries exactly one.
  const last = lastRecord(repo.gitDir, env, await head);
  let stale = last?.entry;
  if (!wantsLog && result.reviews.length === 0 && !stale) return result;

  const at = formatStatusTime(prepared.now);
  let entry = wantsLog
    ? formatLogEntry({ at, agent, task, files: logFiles, maxPaths: config.log.maxPaths })
    : undefined;
  // same change, same agent: an amend keeps the entry HEAD added (and its time)
  const replaceLine = amended?.previousEntry;
  const tail = (l: string) => l.replace(/^\s*- \S+ /, '');
  if (entry && replaceLine && tail(replaceLine) === tail(entry)) entry = replaceLine;
  result.entry = entry;

  const edit = (text: string): string => {
    let out = stale ? dropLogEntry(text, stale) : text;
    for (const r of result.reviews) out = addReview(out, { ...r });
    if (entry && replaceLine !== undefined) {
      const idx = out.lastIndexOf(replaceLine);
      if (idx !== -1) return out.slice(0, idx) + entry + out.slice(idx + replaceLine.length);
    }
    return entry && entry !== replaceLine ? appendLog(out, [entry]) : out;
  };

  // Plain commits do not hold git's index lock while hooks run, so two commits in one
  // working directory can interleave: read and write the staged status file under orch's
  // own lock, or one commit's entry could overwrite another's.
  await withStatusLock(repo, async () => {
    // the index this commit uses: its staged status file plus the entry
    // one cat-file for the staged copy (its id and text); the blob goes back without a git
    // process, so the whole step costs two: this and update-index
    const staged = await stagedEntryNow(prepared, statusFile);
    const workingText = readStatusText(path.join(repo.top, statusFile));
    const indexed: IndexEntry | null = staged
      ? { mode: fileMode(path.join(repo.top, statusFile)), sha: staged.sha }
      : null;
    const stagedText = staged ? staged.text : null;
    // only while the staged file is the one that attempt left (another commit may be carrying it)
    if (last?.sha !== staged?.sha) stale = undefined;
    // bytes that are not UTF-8 were decoded as U+FFFD: refused before anything is written
    if (stagedText?.includes('\uFFFD'))
      checkUtf8((await repo.blobs(staged!.sha)) ?? Buffer.alloc(0), `${statusFile} (staged)`);
    if (workingText?.includes('\uFFFD')) checkUtf8(fs.readFileSync(path.join(repo.top, statusFile)), statusFile);
    const objects = objectStore(repo, env);
    const base = stagedText ?? workingText ?? CANONICAL_STATUS;
    let newStaged = edit(base);
    const skipWorktree = prepared.status.outsideCheckout && (await ask(skipWorktreeQuery(statusFile), repo.git));
    // A write that fails (a full disk, a read-only file) blocks the commit: whatever was
    // already written is put back, so a retried commit does not find a stale entry staged.
    const undo: Array<() => Promise<unknown>> = [];
    let stagedSha: string | undefined;
    try {
      // past log.maxEntries the oldest entries move to the archive, staged in this commit
      const archived = archiveLog(newStaged, config.log.maxEntries);
      if (archived) {
        newStaged = archived.text;
        const archiveFile = config.log.archiveFile;
        const archivePath = path.join(repo.top, archiveFile);
        const archiveIndexed = await ask(indexEntryQuery(archiveFile), repo.git);
        const archiveWorking = readStatusText(archivePath);
        const archiveText = archiveIndexed ? blobText(await repo.blobs(archiveIndexed.sha)) : archiveWorking;
        const nextArchive = appendToArchive(archiveText, archived.moved);
        await writeIndexEntry(archiveFile, nextArchive, archiveIndexed?.mode ?? '100644', repo.git, objects);
        undo.push(() => restoreIndexEntry(archiveFile, archiveIndexed, repo.git));
        await atomicWrite(archivePath, nextArchive, { tmpDir: statusTmpDir(repo) });
        undo.push(() =>
          archiveWorking === null
            ? fs.promises.rm(archivePath, { force: true })
            : atomicWrite(archivePath, archiveWorking, { tmpDir: statusTmpDir(repo) }),
        );
      }
      if (newStaged !== base || !indexed) {
        const sha = (stagedSha = await writeIndexEntry(
          statusFile,
          newStaged,
          indexed?.mode ?? '100644',
          repo.git,
          objects,
        ));
        undo.push(() => restoreIndexEntry(statusFile, indexed, repo.git));
        // a new index entry loses the skip-worktree bit (a sparse checkout's): without it git
        // would see the file as deleted
        if (skipWorktree) await setSkipWorktree(statusFile, repo.git);
        if (usesTemporaryIndex(env)) {
          // git will write the real index from its own copy: post-commit carries the entry over
          writeState(
            repo.gitDir,
            'post-commit',
            JSON.stringify({ base: indexed?.sha ?? null, sha, entry: entry ?? null, reviews: result.reviews }) + '\n',
          );
          undo.push(() => fs.promises.rm(path.join(orchStateDir(repo.gitDir), 'post-commit'), { force: true }));
        }
      }
      writeState(
        repo.gitDir,
        recordedFile(env),
        JSON.stringify({ head: await head, entry: entry ?? null, sha: stagedSha ?? staged?.sha ?? null }) + '\n',
      );
      undo.push(() => fs.promises.rm(path.join(orchStateDir(repo.gitDir), recordedFile(env)), { force: true }));
      // the working tree: its own (maybe unstaged) edits plus the same entry
      await updateStatusLocked(repo, config, (current) => {
        // left out of a sparse checkout: the commit carries the entry, the working tree has no file
        if (current.outsideCheckout) return { text: null, result: undefined };
        const text = current.ownText ?? base;
        let next = edit(text);
        if (archived) next = archiveLog(next, config.log.maxEntries)?.text ?? next;
        return { text: next === text ? null : next, result: undefined };
      });
    } catch (e) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      throw e;
    }
  });
  return result;
}

/** HEAD's commit id, or '' before the first commit. */
async function headCommit(repo: Prepared['repo']): Promise<string> {
  return (await ask(commitIdQuery('HEAD'), repo.git)) ?? '';
}

/**
 * What pre-commit recorded last (per agent, as the trailers): the Log entry it staged, the
 * HEAD it staged it on and the staged status blob it left. HEAD still there means that
 * commit never happened; the same blob still staged means nobody staged over it since.
 */
function recordedFile(env: NodeJS.ProcessEnv): string {
  return trailersFile(env).replace(/^trailers/, 'recorded');
}

function lastRecord(
  gitDir: string,
  env: NodeJS.ProcessEnv,
  head: string,
): { entry: string; sha: string | null } | undefined {
  let last: { head?: unknown; entry?: unknown; sha?: unknown };
  try {
    last = JSON.parse(fs.readFileSync(path.join(orchStateDir(gitDir), recordedFile(env)), 'utf8'));
  } catch {
    return undefined;
  }
  if (last.head !== head || typeof last.entry !== 'string' || !last.entry) return undefined;
  return { entry: last.entry, sha: typeof last.sha === 'string' ? last.sha : null };
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

/**
 * `git commit -- path` commits from a temporary index (next-index-*.lock) and writes the
 * real index separately; `commit -a` and a plain commit use the real index (index.lock).
 */
export function usesTemporaryIndex(env: NodeJS.ProcessEnv): boolean {
  return /(^|[\\/])next-index-[^\\/]*$/.test(env.GIT_INDEX_FILE ?? '');
}

/**
 * Where pre-commit leaves the trailers for commit-msg: named by the agent in the
 * environment both hooks of one commit share, so two agents committing in one working
 * directory at the same time do not take each other's (the hook shim's sh computes the
 * same name). Without a plain ORCH_AGENT, one file for all.
 */
export function trailersFile(env: NodeJS.ProcessEnv): string {
  const agent = env.ORCH_AGENT ?? '';
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(agent) ? `trailers.${agent}` : 'trailers';
}

export function writeState(gitDir: string, name: string, content: string): void {
  const dir = orchStateDir(gitDir);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${name}.${process.pid}`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, path.join(dir, name));
}

/** 100755 when the working file is executable (as `git add` would stage it), else 100644. */
function fileMode(file: string): string {
  try {
    return fs.statSync(file).mode & 0o111 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

/** Where blobs go: git's own override (quarantine, alternates set-ups) or the common objects dir. */
function objectStore(repo: Prepared['repo'], env: NodeJS.ProcessEnv): { dir: string; algorithm: 'sha1' | 'sha256' } {
  return {
    dir: env.GIT_OBJECT_DIRECTORY
      ? path.resolve(repo.top, env.GIT_OBJECT_DIRECTORY)
      : path.join(repo.commonDir, 'objects'),
    algorithm: repo.configValue('extensions.objectformat') === 'sha256' ? 'sha256' : 'sha1',
  };
}
