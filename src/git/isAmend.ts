// pre-commit cannot ask git whether this is `git commit --amend`. Two clues, in order:
// the command line of the git process that runs the hook (Linux /proc), and the author
// date git passes to the hook — an amend keeps the amended commit's author date.
import fs from 'node:fs';

export function amendFromProc(startPid: number = process.ppid): boolean | undefined {
  let pid = startPid;
  for (let depth = 0; depth < 6 && pid > 1; depth++) {
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return undefined; // no /proc here
    }
    const exe = args[0]?.split('/').pop();
    if (exe === 'git' && args.includes('commit')) return args.includes('--amend');
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * @param authorDateEnv  GIT_AUTHOR_DATE as git passes it to the hook ("@<epoch> <tz>")
 * @param headAuthorEpoch  HEAD's author date (seconds), when HEAD exists
 */
export function isAmend(authorDateEnv: string | undefined, headAuthorEpoch: number | undefined, now: Date): boolean {
  const fromProc = amendFromProc();
  if (fromProc !== undefined) return fromProc;
  const m = authorDateEnv ? /^@(\d+)/.exec(authorDateEnv) : null;
  if (!m || headAuthorEpoch === undefined) return false;
  const epoch = Number(m[1]);
  // a fresh commit's author date is "now"; an amend's is the old commit's
  return epoch === headAuthorEpoch && now.getTime() / 1000 - epoch > 2;
}
