// When HEAD was authored (seconds since the epoch), or undefined before the first commit:
// with GIT_AUTHOR_DATE it tells an amend apart from a new commit (see isAmend).
import type { GitQuery } from './runGit.js';

export const headAuthorTimeQuery: GitQuery<number | undefined> = {
  args: ['log', '-1', '--format=%at'],
  parse(out) {
    const s = out.trim();
    return /^\d+$/.test(s) ? Number(s) : undefined;
  },
  // an unborn HEAD
  okCodes: [128],
};
