// A ChangeSet whose file contents come from git: the old side at a revision (or nothing
// before the first commit), the new side at a revision or in the index.
import type { ChangeSet, CommitInfo, FileChange } from '../types.js';
import { insertedLinesOfBytes } from '../text/insertedLines.js';
import { blobText, type BlobReader } from './blobReader.js';
import { lsFilesQuery } from './lsFilesQuery.js';
import { ask, type GitOptions } from './runGit.js';

export interface GitChangeSetSpec {
  kind: ChangeSet['kind'];
  files: FileChange[];
  /** Revision of the old side; null when there is none (root commit, unborn HEAD). */
  oldRev: string | null;
  /** Revision of the new side; null for the index. */
  newRev: string | null;
  commit?: CommitInfo;
  commits?: ChangeSet[];
  blobs: BlobReader;
  git: GitOptions;
  /** The memo of insertedLines by path, when someone else may learn them first (the range's status history). */
  insertions?: Map<string, Promise<string[] | null>>;
}

export function gitChangeSet(spec: GitChangeSetSpec): ChangeSet {
  const listings = new Map<'old' | 'new', Promise<Set<string>>>();
  const rev = (side: 'old' | 'new') => (side === 'old' ? spec.oldRev : spec.newRev);

  function listing(side: 'old' | 'new'): Promise<Set<string>> {
    let p = listings.get(side);
    if (!p) {
      const r = rev(side);
      p =
        side === 'old' && r === null
          ? Promise.resolve(new Set<string>())
          : ask(lsFilesQuery(r ?? undefined), spec.git).then((paths) => new Set(paths));
      listings.set(side, p);
    }
    return p;
  }

  // the object ids the diff gave, by the path each side has
  const ids = { old: new Map<string, string>(), new: new Map<string, string>() };
  for (const f of spec.files) {
    if (f.oldBlob) ids.old.set(f.oldPath ?? f.path, f.oldBlob);
    if (f.newBlob) ids.new.set(f.path, f.newBlob);
  }

  function bytes(path: string, side: 'old' | 'new'): Promise<Buffer | null> {
    const r = rev(side);
    if (side === 'old' && r === null) return Promise.resolve(null);
    return spec.blobs(ids[side].get(path) ?? (r === null ? `:${path}` : `${r}:${path}`));
  }
  // asked by more than one rule (status-integrity, task-completion) and by the range check
  const insertions = spec.insertions ?? new Map<string, Promise<string[] | null>>();

  return {
    kind: spec.kind,
    files: spec.files,
    commit: spec.commit,
    commits: spec.commits,
    async read(path, side) {
      return blobText(await bytes(path, side));
    },
    insertedLines(path) {
      let p = insertions.get(path);
      if (!p) {
        p = Promise.all([bytes(path, 'old'), bytes(path, 'new')]).then(([a, b]) =>
          a && b ? insertedLinesOfBytes(a, b) : null,
        );
        insertions.set(path, p);
      }
      return p;
    },
    async exists(path, side) {
      const files = await listing(side);
      const clean = path.replace(/\/+$/, '');
      if (files.has(clean)) return true;
      const prefix = clean + '/';
      for (const f of files) if (f.startsWith(prefix)) return true;
      return false;
    },
    async listFiles(side) {
      return [...(await listing(side))];
    },
  };
}
