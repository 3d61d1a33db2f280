// What the index holds against HEAD. `git diff --cached` compares with the empty tree
// when HEAD is unborn, so the first commit needs no special case.
import type { FileChange } from '../types.js';
import { parseRawDiff } from './parseRawDiff.js';
import type { GitQuery } from './runGit.js';

/**
 * What the index holds against `base` (HEAD when absent): an amend asks against HEAD's
 * parent with the same flags, so renames, copies and submodules read the same either way.
 */
export function stagedChangesSince(base?: string): GitQuery<FileChange[]> {
  return {
    args: [
      'diff',
      '--cached',
      '--raw',
      '-z',
      '-M',
      '-C',
      '--no-abbrev',
      '--no-ext-diff',
      '--ignore-submodules=none',
      // `--` after the base: a file named like the commit id must not make it ambiguous
      ...(base ? [base, '--'] : []),
    ],
    parse: parseRawDiff,
  };
}

export const stagedChangesQuery: GitQuery<FileChange[]> = stagedChangesSince();
