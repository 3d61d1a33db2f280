// Builds a ChangeSet from literal file contents, so rules are tested without git.
import { insertedLinesOfTexts } from '../../src/text/insertedLines.js';
import type { ChangeSet, CommitInfo, FileChange } from '../../src/types.js';

export interface LiteralChangeSet {
  kind?: ChangeSet['kind'];
  files: FileChange[];
  /** Files as they were before the change: path → text. */
  old?: Record<string, string>;
  /** Files as they are after the change: path → text. Paths absent here but present in `old` and not deleted by `files` are carried over. */
  new?: Record<string, string>;
  commit?: Partial<CommitInfo>;
  commits?: ChangeSet[];
}

export function makeChangeSet(spec: LiteralChangeSet): ChangeSet {
  const oldFiles = { ...(spec.old ?? {}) };
  const newFiles: Record<string, string> = { ...oldFiles };
  for (const f of spec.files) {
    if (f.status === 'D') delete newFiles[f.path];
    if (f.status === 'R' && f.oldPath) delete newFiles[f.oldPath];
  }
  Object.assign(newFiles, spec.new ?? {});
  const side = (s: 'old' | 'new') => (s === 'old' ? oldFiles : newFiles);
  const commit: CommitInfo | undefined = spec.commit
    ? {
        sha: '0123456789abcdef0123456789abcdef01234567',
        parents: [],
        subject: '',
        message: '',
        authorEmail: '',
        authorName: '',
        trailers: {},
        ...spec.commit,
      }
    : undefined;
  const changes: ChangeSet = {
    kind: spec.kind ?? (commit ? 'commit' : 'index'),
    files: spec.files,
    commit,
    commits: spec.commits,
    async read(path, s) {
      return side(s)[path] ?? null;
    },
    insertedLines: (path) => insertedLinesOfTexts(changes.read, path),
    async exists(path, s) {
      const files = side(s);
      if (path in files) return true;
      const dir = path.endsWith('/') ? path : path + '/';
      return Object.keys(files).some((p) => p.startsWith(dir));
    },
    async listFiles(s) {
      return Object.keys(side(s)).sort();
    },
  };
  return changes;
}
