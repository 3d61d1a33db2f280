// What git writes to a pre-push hook's stdin, one line per ref being pushed:
//   <local ref> SP <local sha> SP <remote ref> SP <remote sha> LF
// and which commits each line asks orch to check.
import { OrchError } from '../errors.js';
import { isZeroSha } from '../git/isZeroSha.js';
import type { RangeRequest } from './collectRange.js';

export interface PushLine {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

export function parsePrePushInput(stdin: string): PushLine[] {
  const lines: PushLine[] = [];
  for (const [n, raw] of stdin.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const parts = line.split(' ');
    if (parts.length !== 4 || !isSha(parts[1]) || !isSha(parts[3])) {
      throw new OrchError(
        `orch hook pre-push: line ${n + 1} of the input is not "<local ref> <local sha> <remote ref> <remote sha>": ${JSON.stringify(line.slice(0, 120))}`,
        {
          hint: 'git passes these lines on stdin; when calling the hook from another hook manager, pass its stdin through.',
        },
      );
    }
    lines.push({ localRef: parts[0], localSha: parts[1], remoteRef: parts[2], remoteSha: parts[3] });
  }
  return lines;
}

/**
 * One range per pushed ref: deletions are skipped; a new branch is checked from its first
 * commit the remote does not have (`--not --remotes=<remote>`); a ref the remote has is
 * checked from the remote's commit. A force push over commits never fetched falls back to
 * the new-branch form.
 *
 * @param remote  git's first hook argument: a remote's name, or the URL when pushing to one
 */
export function pushRanges(lines: PushLine[], remote: string | undefined): RangeRequest[] {
  // pushing to a URL leaves no remote-tracking refs of its own: every remote's count
  const known = remote && isRemoteName(remote) ? [`--remotes=${remote}`] : ['--remotes'];
  const requests: RangeRequest[] = [];
  for (const l of lines) {
    if (isZeroSha(l.localSha)) continue;
    if (l.localSha === l.remoteSha) continue;
    requests.push({
      head: l.localSha,
      base: isZeroSha(l.remoteSha) ? null : l.remoteSha,
      known,
      branch: shortRef(l.remoteRef),
      missingBase: 'new-branch',
    });
  }
  return requests;
}

export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

function isSha(s: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s);
}

export function isRemoteName(s: string): boolean {
  // what `git remote add` accepts, and not a path or URL
  return /^[A-Za-z0-9._-]+$/.test(s) && !s.startsWith('.') && !s.startsWith('-');
}
