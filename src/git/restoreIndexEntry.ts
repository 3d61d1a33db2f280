// Undoes writeIndexEntry: puts back the entry a path had before (mode and blob), or takes the
// path out of the index when it had none — so a record step that fails half-way leaves the
// index that the commit uses as it found it.
import type { IndexEntry } from './indexEntryQuery.js';
import { runGit, type GitOptions } from './runGit.js';
import { retryWhileIndexLocked } from './writeIndexEntry.js';

export async function restoreIndexEntry(path: string, previous: IndexEntry | null, git: GitOptions): Promise<void> {
  await retryWhileIndexLocked(() =>
    previous
      ? runGit(['update-index', '--add', '-z', '--index-info'], {
          ...git,
          input: `${previous.mode} ${previous.sha}\t${path}\0`,
        })
      : runGit(['update-index', '--force-remove', '--', path], git),
  );
}
