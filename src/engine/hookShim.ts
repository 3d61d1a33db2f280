// The hooks `orch init` installs: a few lines of POSIX sh. They never call npx (≈270 ms a
// commit). Hooks that need orch find it and exec it; when neither orch nor node can be
// found — a GUI client with another PATH, a fresh worktree before npm install — they fail
// loudly rather than let a commit through unchecked. commit-msg needs no Node.js at all:
// pre-commit leaves the trailers in the git dir and git interpret-trailers adds them.

export const SHIM_MARKER = 'orchguard-shim';
export const CHAIN_SUFFIX = '.orch-chained';
export const HUSKY_BEGIN = '# >>> orch';
export const HUSKY_END = '# <<< orch';

/** The hooks orch installs, in the order a commit and a push reach them. */
export const INSTALLED_HOOKS = ['pre-commit', 'commit-msg', 'post-commit', 'pre-push'] as const;

/** Hooks whose standard input git fills (a chained hook must see it too). */
const STDIN_HOOKS = new Set(['pre-push', 'pre-receive', 'post-receive', 'post-rewrite']);

/** Finds orch: ORCH_BIN, then the paths seen at init (monorepo packages), then PATH. */
function findOrch(hook: string, binHints: string[]): string {
  const hints = [...new Set([...binHints, 'node_modules/.bin/orch'])].map((h) => `"$PWD/${h}"`).join(' ');
  return `orch=$ORCH_BIN
if [ -z "$orch" ]; then
  for c in ${hints}; do [ -x "$c" ] && { orch=$c; break; }; done
fi
[ -n "$orch" ] || orch=$(command -v orch 2>/dev/null)
if [ -z "$orch" ] || ! command -v node >/dev/null 2>&1; then
  if [ -z "$orch" ]; then why='orch was not found (node_modules/.bin or PATH)'; else why='node was not found on PATH'; fi
  echo "orch: cannot run the ${hook} check: $why." >&2
  echo "  Install it (npm i -D orchguard, or npm i -g orchguard), or set ORCH_BIN to orch's path." >&2
  echo "  To skip deliberately: git ${hook === 'pre-push' ? 'push' : 'commit'} --no-verify (CI still checks)." >&2
  exit 1
fi`;
}

/**
 * The git dir, in sh, without a git process when it can be known: git exports GIT_DIR
 * (absolute) to hooks in a linked worktree, and runs hooks from the top of the working
 * tree, where a plain repository has its .git directory. Otherwise (a relative GIT_DIR, a
 * .git file) ask git.
 */
function gitDirLine(): string {
  return `case $GIT_DIR in
  /*) gd=$GIT_DIR ;;
  *) if [ -z "$GIT_DIR" ] && [ -d .git ]; then gd=.git; else gd=$(git rev-parse --git-dir 2>/dev/null) || exit 0; fi ;;
esac`;
}

/** commit-msg, in sh: add the trailers pre-commit recorded, once; leave merges and fixups alone. */
export function commitMsgBody(): string {
  return `msg=$1
${gitDirLine()}
# the agent both hooks see in their environment names the file (see trailersFile)
case $ORCH_AGENT in
  ''|.*|*[!A-Za-z0-9._-]*) info="$gd/orch/trailers" ;;
  *) if [ \${#ORCH_AGENT} -le 100 ]; then info="$gd/orch/trailers.$ORCH_AGENT"; else info="$gd/orch/trailers"; fi ;;
esac
${emptyMessageCheck()}
if [ -f "$info" ] && [ -n "$msg" ] && ! orch_empty_message "$msg"; then
  first=
  IFS= read -r first < "$msg" || :
  case $first in
    "Merge "*|"fixup! "*|"squash! "*|"amend! "*) ;;
    *)
      if [ ! -f "$gd/MERGE_HEAD" ]; then
        set --
        while IFS= read -r line || [ -n "$line" ]; do [ -n "$line" ] && set -- "$@" --trailer "$line"; done < "$info"
        [ $# -eq 0 ] || git interpret-trailers --in-place --if-exists addIfDifferent "$@" "$msg" || exit 1
      fi ;;
  esac
  rm -f "$info"
fi`;
}

/**
 * git aborts a commit whose message is empty once cleaned up (blank lines, comments,
 * sign-offs, what follows the scissors line): trailers must not turn it into a commit
 * titled "Agent: …". The cleanup mode is git's: --cleanup on git's command line (Linux
 * /proc), else commit.cleanup, else strip with an editor and whitespace without one
 * (git tells hooks GIT_EDITOR=: then). Most messages are answered by the first grep.
 */
export function emptyMessageCheck(): string {
  return `orch_empty_message() {
  sed '/^. -\\{24\\} >8 -\\{24\\}$/,$d' "$1" | grep -v '^Signed-off-by: ' | grep -q '^[^[:space:]#;@!$%^&|:]\\|^[[:space:]][[:space:]]*[^[:space:]]' && return 1
  m=$(git config commit.cleanup 2>/dev/null); p=$PPID; n=0
  while [ $n -lt 6 ] && [ -r "/proc/$p/cmdline" ]; do
    a=" $(tr '\\0' ' ' < "/proc/$p/cmdline")"
    case $a in *" commit "*)
      c=\${a#*" --cleanup"}
      if [ "$c" != "$a" ]; then c=\${c#[= ]}; m=\${c%% *}; fi
      break ;;
    esac
    p=$(sed 's/.*) . \\([0-9]*\\).*/\\1/' "/proc/$p/stat" 2>/dev/null) || break; n=$((n + 1))
  done
  case $m in ''|default) if [ "$GIT_EDITOR" = : ]; then m=whitespace; else m=strip; fi ;; esac
  case $m in
    verbatim) [ -s "$1" ] && return 1; return 0 ;;
    whitespace) b=$(sed '/^. -\\{24\\} >8 -\\{24\\}$/,$d' "$1" | git stripspace) ;;
    *) cc=$(git config core.commentChar 2>/dev/null); case $cc in ''|auto) cc='#' ;; esac
       b=$(sed '/^. -\\{24\\} >8 -\\{24\\}$/,$d' "$1" | git -c "core.commentChar=$cc" stripspace --strip-comments) ;;
  esac
  printf '%s\\n' "$b" | grep -v '^Signed-off-by: ' | grep -q '[^[:space:]]' && return 1
  return 0
}`;
}

/** post-commit, in sh: only a pathspec commit (`git commit -- path`) leaves work for orch. */
function postCommitGuard(): string {
  return `${gitDirLine()}
[ -f "$gd/orch/post-commit" ] || exit 0`;
}

/**
 * @param hook  git's hook name
 * @param binHints  repository-relative paths where orch was found at init time
 */
export function hookShim(hook: string, binHints: string[]): string {
  const head = `#!/bin/sh
# ${SHIM_MARKER} v1: ${hook} — installed by \`orch init\` (run it again to update).
# A ${hook} hook that was here before orch is kept as ${hook}${CHAIN_SUFFIX} and runs first.
# git runs hooks from the top of the working tree.`;
  if (hook === 'commit-msg') {
    return `${head}
if [ -x "$0${CHAIN_SUFFIX}" ]; then "$0${CHAIN_SUFFIX}" "$@" || exit $?; fi
${commitMsgBody()}
exit 0
`;
  }
  const run = `"$orch" hook ${hook} "$@"`;
  const chained = STDIN_HOOKS.has(hook)
    ? `if [ -x "$0${CHAIN_SUFFIX}" ]; then
  input=$(cat)
  printf '%s\\n' "$input" | "$0${CHAIN_SUFFIX}" "$@" || exit $?
  printf '%s\\n' "$input" | ${run}
  exit $?
fi`
    : `if [ -x "$0${CHAIN_SUFFIX}" ]; then "$0${CHAIN_SUFFIX}" "$@" || exit $?; fi`;
  return `${head}
${hook === 'post-commit' ? `${chained}\n${postCommitGuard()}` : chained}
${findOrch(hook, binHints)}
exec ${run}
`;
}

/**
 * What orch adds to a husky hook file, between markers so a re-run can update it.
 * @param bin  `orch` (husky puts node_modules/.bin on PATH) or, when orch is installed
 *   only in a monorepo package, its path from the top of the working tree
 */
export function huskyBlock(hook: string, bin = 'orch'): string {
  const body =
    hook === 'commit-msg'
      ? `(\n${commitMsgBody()}\n) || exit 1`
      : hook === 'post-commit'
        ? `(\n${postCommitGuard()}\n${bin} hook post-commit "$@"\n) || true`
        : `${bin} hook ${hook} "$@" || exit $?`;
  return `${HUSKY_BEGIN} (managed by orch init)\n${body}\n${HUSKY_END}`;
}
