// Which object each `<rev>:<path>` names, in one `cat-file --batch-check -z`: whether two
// revisions hold the same version of a file, without reading either.
import { parseBatchCheck } from './parseBatchCheck.js';
import type { GitQuery } from './runGit.js';

/** One answer per spec, in order: the object id, or null where the path is absent. */
export function blobIdsQuery(specs: string[]): GitQuery<(string | null)[]> & { input: string } {
  return {
    // -z: a path may hold a newline
    args: ['cat-file', '--batch-check', '-z'],
    input: specs.map((s) => `${s}\0`).join(''),
    parse: (out) => parseBatchCheck(out, specs.length),
  };
}
