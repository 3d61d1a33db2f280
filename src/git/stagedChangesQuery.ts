// What the index holds against HEAD. `git diff --cached` compares with the empty tree
// when HEAD is unborn, so the first commit needs no special case.
import type { FileChange } from '../types.js';
import { parseRawDiff } from './parseRawDiff.js';
import type { GitQuery } from './runGit.js';

export const stagedChangesQuery: GitQuery<FileChange[]> = {
  args: ['diff', '--cached', '--raw', '-z', '-M', '-C', '--no-abbrev', '--no-ext-diff', '--ignore-submodules=none'],
  parse: parseRawDiff,
};
