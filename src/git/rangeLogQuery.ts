// Every commit of a range with what each one changed, in one git process. --cc lists a
// merge's own changes only (a clean merge lists nothing; -m would list every file it
// carried in); --root lists a root commit's files; oldest first, parents before children.
import { parseRangeLog, RANGE_LOG_FORMAT, type RangeCommit } from './parseRangeLog.js';
import type { GitQuery } from './runGit.js';

/**
 * @param revs  what to list, as rev-list arguments: `["<base>..<head>"]`, or for a new
 *   branch `["<head>", "--not", "--remotes=origin"]`
 */
export function rangeLogQuery(revs: string[]): GitQuery<RangeCommit[]> {
  return {
    args: [
      'log',
      '--raw',
      '-z',
      '-M',
      '-C',
      '--cc',
      '--combined-all-paths',
      '--root',
      '--no-abbrev',
      '--reverse',
      '--topo-order',
      '--no-show-signature',
      '--no-notes',
      '--no-decorate',
      '--no-mailmap',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--ignore-submodules=none',
      `--format=${RANGE_LOG_FORMAT}`,
      ...revs,
      '--',
    ],
    parse: parseRangeLog,
  };
}
