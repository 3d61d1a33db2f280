// The command a hook manager runs for one of orch's hooks. Each manager passes git's
// arguments its own way: lefthook with {1} placeholders, simple-git-hooks inlines the
// command into a sh hook (so "$1" is git's argument), the pre-commit framework appends
// file names itself and runs no shell.
//
// commit-msg and post-commit only have work when pre-commit left a note in the git dir;
// in a shell the check costs a few ms, while starting Node.js costs ~50 ms a commit.

export type ManagerDialect = 'lefthook' | 'sh' | 'pre-commit';

export interface ManagerHookCommand {
  run: string;
  /** The manager must hand git's standard input to the command (pre-push). */
  stdin?: boolean;
  /** pre-commit framework: pass the commit message file (commit-msg). */
  passFilenames?: boolean;
}

/** Hooks whose standard input git fills. */
const STDIN_HOOKS = new Set(['pre-push', 'pre-receive', 'post-receive', 'post-rewrite']);

/**
 * @param bin  how to call orch: `orch` (PATH) or a repository-relative path
 * @returns null when the manager cannot run that hook the way orch needs (the pre-commit
 *   framework does not pass git's standard input to pre-push hooks)
 */
export function managerHookCommand(hook: string, bin: string, dialect: ManagerDialect): ManagerHookCommand | null {
  const orch = `${bin} hook ${hook}`;
  const noteGuard = (note: string) => `[ ! -f "$(git rev-parse --git-dir)/orch/${note}" ] || `;
  if (dialect === 'pre-commit') {
    if (STDIN_HOOKS.has(hook)) return null;
    if (hook === 'commit-msg') return { run: orch, passFilenames: true };
    return { run: orch };
  }
  const arg1 = dialect === 'lefthook' ? '{1}' : '"$1"';
  const all = dialect === 'lefthook' ? '{0}' : '"$@"';
  switch (hook) {
    case 'pre-commit':
      return { run: orch };
    case 'commit-msg':
      // pre-commit names the note by the agent (trailers.<agent>, or trailers): any of them
      return { run: `if ls "$(git rev-parse --git-dir)"/orch/trailers* >/dev/null 2>&1; then ${orch} ${arg1}; fi` };
    case 'post-commit':
      return { run: `${noteGuard('post-commit')}${orch}` };
    default:
      return { run: `${orch} ${all}`, ...(STDIN_HOOKS.has(hook) ? { stdin: true } : {}) };
  }
}

/** Whether a manager's command for `hook` already calls orch (however it was written). */
export function callsOrch(command: string, hook: string): boolean {
  return new RegExp(`(^|[\\s;&|'"(/])orch(\\.js)?["']? hook ${escapeRe(hook)}(?![\\w-])`).test(command);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression source matching a command orch generated for `hook` (any bin, any
 * of the argument forms), so a re-run can update it without touching a hand-written one.
 */
export function generatedCommandPattern(hook: string): string {
  // the guards orch writes (and wrote before: a -f test of one note file)
  const guard = String.raw`(?:\[ ! -f "\$\(git rev-parse --git-dir\)/orch/[\w-]+" \] \|\| |if ls "\$\(git rev-parse --git-dir\)"/orch/trailers\* >/dev/null 2>&1; then )?`;
  return `${guard}\\S*orch(?:\\.js)?'? hook ${escapeRe(hook)}(?: \\{\\d\\}| "\\$1"| "\\$@")?(?:; fi)?`;
}
