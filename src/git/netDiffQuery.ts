// What a range changes as a whole: the tree at `from` against the tree at `to`, with
// renames and copies (both paths), for the rules that judge a push or pull request at once.
import type { FileChange } from '../types.js';
import { parseRawDiff } from './parseRawDiff.js';
import type { GitQuery } from './runGit.js';

/** `from` null: everything at `to` is new (a range that starts at a root commit). */
export function netDiffQuery(from: string | null, to: string): GitQuery<FileChange[]> {
  return {
    args: [
      'diff',
      '--raw',
      '-z',
      '-M',
      '-C',
      '--no-abbrev',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '--ignore-submodules=none',
      from ?? EMPTY_TREE,
      to,
      '--',
    ],
    parse: parseRawDiff,
  };
}

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
