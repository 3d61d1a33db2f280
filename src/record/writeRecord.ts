// The record step's writes: the Log entry and review requests into the staged status file
// (and the working tree's), the archive past log.maxEntries, and what the later hooks of
// the commit read. All under orch's status lock, undone as a whole when a write fails.
import fs from 'node:fs';
import path from 'node:path';
import type { Prepared } from '../check/prepareCheck.js';
import type { Config } from '../config/schema.js';
import { atomicWrite } from '../fs/atomicWrite.js';
import { checkUtf8 } from '../fs/checkUtf8.js';
import { blobText } from '../git/blobReader.js';
import { indexEntryQuery, type IndexEntry } from '../git/indexEntryQuery.js';
import { restoreIndexEntry } from '../git/restoreIndexEntry.js';
import { ask } from '../git/runGit.js';
import { setSkipWorktree, skipWorktreeQuery } from '../git/skipWorktree.js';
import { writeIndexEntry } from '../git/writeIndexEntry.js';
import { addReview } from '../status/addReview.js';
import { appendLog } from '../status/appendLog.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { dropLogEntry } from '../status/dropLogEntry.js';
import { readStatusText } from '../store/loadStatus.js';
import { statusTmpDir, updateStatusLocked, withStatusLock } from '../store/updateStatus.js';
import type { Review } from '../types.js';
import { appendToArchive, archiveLog } from './archiveLog.js';
import { orchStateDir, recordedFile, usesTemporaryIndex, writeState } from './recordState.js';
import { stagedStatusNow } from './stagedStatusNow.js';

export interface RecordPlan {
  /** HEAD when the commit started ('' before the first commit). */
  head: string;
  /** The entry this commit adds, if any. */
  entry?: string;
  /** An amend: the entry HEAD added, replaced in place. */
  replaceLine?: string;
  /** The entry an aborted attempt left staged, with the staged blob it left. */
  last?: { entry: string; sha: string | null };
  reviews: Review[];
}

type Repo = Prepared['repo'];
type Undo = Array<() => Promise<unknown>>;

/** The status text with the plan applied: the stale entry out, reviews and the entry in. */
export function applyPlan(text: string, plan: RecordPlan, stale: string | undefined): string {
  const { entry, replaceLine } = plan;
  let out = stale ? dropLogEntry(text, stale) : text;
  for (const r of plan.reviews) out = addReview(out, { ...r });
  if (entry && replaceLine !== undefined) {
    const idx = out.lastIndexOf(replaceLine);
    if (idx !== -1) return out.slice(0, idx) + entry + out.slice(idx + replaceLine.length);
  }
  return entry && entry !== replaceLine ? appendLog(out, [entry]) : out;
}

export async function writeRecord(prepared: Prepared, env: NodeJS.ProcessEnv, plan: RecordPlan): Promise<void> {
  const { repo, config } = prepared;
  const statusFile = config.statusFile;
  // Plain commits do not hold git's index lock while hooks run, so two commits in one
  // working directory can interleave: read and write the staged status file under orch's
  // own lock, or one commit's entry could overwrite another's.
  await withStatusLock(repo, async () => {
    // the index this commit uses: its staged status file plus the entry; one cat-file for
    // the staged copy (its id and text), the blob goes back without a git process
    const { staged, indexed, base } = await readStatusCopies(prepared);
    // only while the staged file is the one that attempt left (another commit may be carrying it)
    const stale = plan.last && plan.last.sha === staged?.sha ? plan.last.entry : undefined;
    const edit = (text: string) => applyPlan(text, plan, stale);
    const objects = objectStore(repo, env);
    let newStaged = edit(base);
    const skipWorktree = prepared.status.outsideCheckout && (await ask(skipWorktreeQuery(statusFile), repo.git));
    // A write that fails (a full disk, a read-only file) blocks the commit: whatever was
    // already written is put back, so a retried commit does not find a stale entry staged.
    const undo: Undo = [];
    let stagedSha: string | undefined;
    try {
      // past log.maxEntries the oldest entries move to the archive, staged in this commit
      const archived = archiveLog(newStaged, config.log.maxEntries);
      if (archived) {
        newStaged = archived.text;
        await stageArchive(repo, config, archived.moved, objects, undo);
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
          const note = { base: indexed?.sha ?? null, sha, entry: plan.entry ?? null, reviews: plan.reviews };
          writeState(repo.gitDir, 'post-commit', JSON.stringify(note) + '\n');
          undo.push(() => fs.promises.rm(path.join(orchStateDir(repo.gitDir), 'post-commit'), { force: true }));
        }
      }
      const recorded = { head: plan.head, entry: plan.entry ?? null, sha: stagedSha ?? staged?.sha ?? null };
      writeState(repo.gitDir, recordedFile(env), JSON.stringify(recorded) + '\n');
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
}

/**
 * The staged status file (its blob and index entry) and the text the entry goes into: the
 * staged copy, else the working file, else a new canonical file. Bytes that are not UTF-8
 * were decoded as U+FFFD: refused before anything is written.
 */
async function readStatusCopies(
  prepared: Prepared,
): Promise<{ staged: { sha: string } | null; indexed: IndexEntry | null; base: string }> {
  const { repo, config } = prepared;
  const statusFile = config.statusFile;
  const file = path.join(repo.top, statusFile);
  const staged = await stagedStatusNow(prepared, statusFile);
  const workingText = readStatusText(file);
  const stagedText = staged ? staged.text : null;
  if (staged && stagedText?.includes('\uFFFD'))
    checkUtf8((await repo.blobs(staged.sha)) ?? Buffer.alloc(0), `${statusFile} (staged)`);
  if (workingText?.includes('\uFFFD')) checkUtf8(fs.readFileSync(file), statusFile);
  return {
    staged,
    indexed: staged ? { mode: fileMode(file), sha: staged.sha } : null,
    base: stagedText ?? workingText ?? CANONICAL_STATUS,
  };
}

/** Appends the moved entries to the archive file, staged and in the working tree. */
async function stageArchive(
  repo: Repo,
  config: Config,
  moved: Parameters<typeof appendToArchive>[1],
  objects: ReturnType<typeof objectStore>,
  undo: Undo,
): Promise<void> {
  const archiveFile = config.log.archiveFile;
  const archivePath = path.join(repo.top, archiveFile);
  const archiveIndexed = await ask(indexEntryQuery(archiveFile), repo.git);
  const archiveWorking = readStatusText(archivePath);
  const archiveText = archiveIndexed ? blobText(await repo.blobs(archiveIndexed.sha)) : archiveWorking;
  const nextArchive = appendToArchive(archiveText, moved);
  await writeIndexEntry(archiveFile, nextArchive, archiveIndexed?.mode ?? '100644', repo.git, objects);
  undo.push(() => restoreIndexEntry(archiveFile, archiveIndexed, repo.git));
  await atomicWrite(archivePath, nextArchive, { tmpDir: statusTmpDir(repo) });
  undo.push(() =>
    archiveWorking === null
      ? fs.promises.rm(archivePath, { force: true })
      : atomicWrite(archivePath, archiveWorking, { tmpDir: statusTmpDir(repo) }),
  );
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
function objectStore(repo: Repo, env: NodeJS.ProcessEnv): { dir: string; algorithm: 'sha1' | 'sha256' } {
  return {
    dir: env.GIT_OBJECT_DIRECTORY
      ? path.resolve(repo.top, env.GIT_OBJECT_DIRECTORY)
      : path.join(repo.commonDir, 'objects'),
    algorithm: repo.configValue('extensions.objectformat') === 'sha256' ? 'sha256' : 'sha1',
  };
}
