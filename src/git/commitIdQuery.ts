// The commit a revision names, or null when it names none (an unborn HEAD, HEAD^ of a
// root commit, a missing remote-tracking branch): "no such commit" is an answer, not a failure.
import type { GitQuery } from './runGit.js';

export function commitIdQuery(rev: string): GitQuery<string | null> {
  return {
    args: ['rev-parse', '-q', '--verify', `${rev}^{commit}`],
    parse: (out) => out.trim() || null,
    // 1: no such object; 128: HEAD^ of a root commit, or no HEAD at all
    okCodes: [1, 128],
  };
}
