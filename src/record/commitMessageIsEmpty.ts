// What git itself decides after the commit-msg hook: a message that is empty once cleaned
// up aborts the commit. Trailers added to such a message would turn it into a commit
// titled "Agent: …", so commit-msg leaves it alone (the shims do the same in sh).
import fs from 'node:fs';

export type CleanupMode = 'strip' | 'whitespace' | 'verbatim' | 'scissors';

const SCISSORS = /^.+ -{24} >8 -{24}$/;

/**
 * git's rest_is_empty after its cleanup: only blank lines and sign-offs left (comments
 * go in strip and scissors mode; what follows the scissors line goes with `-v`).
 * `verbatim` is empty only when the file is.
 */
export function commitMessageIsEmpty(text: string, mode: CleanupMode, commentChar = '#'): boolean {
  if (mode === 'verbatim') return text.length === 0;
  const lines = text.split('\n');
  const cut = lines.findIndex((l) => SCISSORS.test(l.replace(/\r$/, '')));
  return (cut < 0 ? lines : lines.slice(0, cut)).every(
    (l) => l.trim() === '' || l.startsWith('Signed-off-by: ') || (mode !== 'whitespace' && l.startsWith(commentChar)),
  );
}

/**
 * The cleanup mode of the running `git commit`: --cleanup on its command line (Linux
 * /proc), else commit.cleanup, else strip with an editor and whitespace without one (git
 * sets GIT_EDITOR=: for hooks when no editor runs).
 */
export function cleanupModeOf(
  configured: string | undefined,
  env: NodeJS.ProcessEnv,
  startPid = process.ppid,
): CleanupMode {
  const mode = cleanupFromProc(startPid) ?? configured;
  if (mode === 'strip' || mode === 'whitespace' || mode === 'verbatim' || mode === 'scissors') return mode;
  return env.GIT_EDITOR === ':' ? 'whitespace' : 'strip';
}

function cleanupFromProc(startPid: number): string | undefined {
  let pid = startPid;
  for (let depth = 0; depth < 6 && pid > 1; depth++) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args[0]?.split('/').pop() === 'git' && args.includes('commit')) {
        const i = args.findIndex((a) => a === '--cleanup' || a.startsWith('--cleanup='));
        return i < 0 ? undefined : args[i] === '--cleanup' ? args[i + 1] : args[i].slice('--cleanup='.length);
      }
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
