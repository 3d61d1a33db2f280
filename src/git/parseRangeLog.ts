// Parses the one `git log --raw -z --cc --combined-all-paths` that describes a whole
// range: each commit's header fields (see RANGE_LOG_FORMAT), then its raw diff entries.
// With -z nothing is quoted and every field and path ends in NUL; a rename or copy
// carries two paths, and an entry of a merge's combined diff one path per parent plus
// the merge's own.
import type { ChangeStatus, CommitInfo, FileChange } from '../types.js';
import { OrchError } from '../errors.js';
import { parseTrailers } from './parseTrailers.js';
import { blobIds } from './parseRawDiff.js';

/** sha, parents, author name, author email, raw message: one NUL-terminated field each. */
export const RANGE_LOG_FORMAT = '%H%x00%P%x00%an%x00%ae%x00%B%x00';

export interface RangeCommit {
  info: CommitInfo;
  /** What the commit itself changed against its first parent (a merge: only what it resolved). */
  files: FileChange[];
}

const GITLINK = '160000';
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function parseRangeLog(out: string): RangeCommit[] {
  const t = out.split('\0');
  const commits: RangeCommit[] = [];
  let current: RangeCommit | undefined;
  let i = 0;
  while (i < t.length) {
    // git separates the header from the diff with a newline, and ends a commit without
    // a diff with an empty field: neither is data
    const token = t[i].replace(/^\n+/, '');
    if (token === '') {
      i++;
      continue;
    }
    if (token.startsWith(':')) {
      if (!current) throw misread('a diff entry before any commit');
      i = readEntry(t, i, token, current.files);
      continue;
    }
    if (!SHA.test(token) || i + 4 >= t.length) throw misread(`"${token.slice(0, 40)}" where a commit id was expected`);
    const message = t[i + 4].replace(/\n+$/, '');
    current = {
      info: {
        sha: token,
        parents: t[i + 1].split(' ').filter(Boolean),
        authorName: t[i + 2],
        authorEmail: t[i + 3],
        subject: message.split('\n', 1)[0].trim(),
        message,
        trailers: parseTrailers(message),
      },
      files: [],
    };
    commits.push(current);
    i += 5;
  }
  return commits;
}

function readEntry(t: string[], i: number, head: string, files: FileChange[]): number {
  // ":<mode> <mode> <sha> <sha> <status>" or, for a merge, "::<mode> <mode> <mode> <sha> <sha> <sha> <statuses>"
  const colons = /^:+/.exec(head)![0].length;
  const fields = head.slice(colons).split(' ');
  const modes = fields.slice(0, colons + 1);
  const status = fields[fields.length - 1];
  const submodule = modes.includes(GITLINK) || undefined;
  // the merge's perspective is its first parent's: the same side its old revision reads
  const letter = status[0] as ChangeStatus;
  // the first parent's id (old) and the commit's own (new)
  const ids = blobIds(fields[colons + 1], fields[2 * colons + 1]);
  if (colons > 1) {
    const paths = t.slice(i + 1, i + 2 + colons);
    const path = paths[colons];
    const from = paths[0];
    files.push({
      status: letter,
      path,
      ...((letter === 'R' || letter === 'C') && from !== path ? { oldPath: from } : {}),
      ...(submodule ? { submodule } : {}),
      ...ids,
    });
    return i + 2 + colons;
  }
  if (letter === 'R' || letter === 'C') {
    files.push({ status: letter, path: t[i + 2], oldPath: t[i + 1], ...(submodule ? { submodule } : {}), ...ids });
    return i + 3;
  }
  files.push({ status: letter, path: t[i + 1], ...(submodule ? { submodule } : {}), ...ids });
  return i + 2;
}

function misread(what: string): OrchError {
  return new OrchError(`could not read git log output: ${what}.`, {
    hint: 'Run the command again with ORCH_DEBUG=1 and report it, with `git --version`.',
  });
}
