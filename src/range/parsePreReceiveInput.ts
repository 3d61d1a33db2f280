// What git writes to a pre-receive hook's stdin, one line per ref being updated:
//   <old sha> SP <new sha> SP <ref name> LF
// The new objects sit in git's quarantine until every hook accepts them; git passes its
// location in GIT_QUARANTINE_PATH / GIT_OBJECT_DIRECTORY, which orch's git calls inherit.
import { OrchError } from '../errors.js';
import { isZeroSha } from '../git/isZeroSha.js';
import type { RangeRequest } from './collectRange.js';
import { shortRef } from './parsePrePushInput.js';

export interface ReceiveLine {
  oldSha: string;
  newSha: string;
  ref: string;
}

export function parsePreReceiveInput(stdin: string): ReceiveLine[] {
  const lines: ReceiveLine[] = [];
  for (const [n, raw] of stdin.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{40}(?:[0-9a-f]{24})?) (\S.*)$/.exec(line);
    if (!m) {
      throw new OrchError(
        `orch hook pre-receive: line ${n + 1} of the input is not "<old sha> <new sha> <ref>": ${JSON.stringify(line.slice(0, 120))}`,
        {
          hint: 'git passes these lines on stdin; a hook that reads them first must pass them on.',
        },
      );
    }
    lines.push({ oldSha: m[1], newSha: m[2], ref: m[3] });
  }
  return lines;
}

/**
 * One range per updated ref: deletions skipped; a new ref checked for the commits no
 * existing ref of the server reaches (the pushed refs are not updated yet, so `--all` is
 * exactly what the server had).
 */
export function receiveRanges(lines: ReceiveLine[]): RangeRequest[] {
  return (
    lines
      // a replacement ref is not a branch (it may name a tree or a blob): replaceRefFindings
      .filter((l) => !isZeroSha(l.newSha) && l.oldSha !== l.newSha && !l.ref.startsWith('refs/replace/'))
      .map((l) => ({
        head: l.newSha,
        base: isZeroSha(l.oldSha) ? null : l.oldSha,
        known: ['--all'],
        branch: shortRef(l.ref),
        missingBase: 'error' as const,
      }))
  );
}
