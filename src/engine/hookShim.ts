// The hooks `orch init` installs: a few lines of POSIX sh that find orch and exec it.
// They never call npx (≈270 ms a commit). When neither orch nor node can be found — a GUI
// client with another PATH, a fresh worktree before npm install — they fail loudly
// rather than let a commit through unchecked.

export const SHIM_MARKER = 'orchguard-shim';
export const CHAIN_SUFFIX = '.orch-chained';
export const HUSKY_LINE_MARKER = 'orch hook';

/** Hooks whose standard input git fills (a chained hook must see it too). */
const STDIN_HOOKS = new Set(['pre-push', 'pre-receive', 'post-receive', 'post-rewrite']);

/**
 * @param hook  git's hook name
 * @param binHints  repository-relative paths where orch was found at init time
 *                  (e.g. `node_modules/.bin/orch`, `tools/node_modules/.bin/orch` in a monorepo)
 */
export function hookShim(hook: string, binHints: string[]): string {
  const hints = [...new Set([...binHints, 'node_modules/.bin/orch'])].map((h) => `"$top/${h}"`).join(' ');
  const run = `"$orch" hook ${hook} "$@"`;
  const chained = STDIN_HOOKS.has(hook)
    ? `if [ -x "$0${CHAIN_SUFFIX}" ]; then
  input=$(cat)
  printf '%s\\n' "$input" | "$0${CHAIN_SUFFIX}" "$@" || exit $?
  printf '%s\\n' "$input" | ${run}
  exit $?
fi`
    : `if [ -x "$0${CHAIN_SUFFIX}" ]; then "$0${CHAIN_SUFFIX}" "$@" || exit $?; fi`;
  return `#!/bin/sh
# ${SHIM_MARKER} v1: ${hook} — installed by \`orch init\` (run it again to update).
# A ${hook} hook that was here before orch is kept as ${hook}${CHAIN_SUFFIX} and runs first.
# git runs hooks from the top of the working tree
top=$PWD
orch=$ORCH_BIN
if [ -z "$orch" ]; then
  for c in ${hints}; do [ -x "$c" ] && { orch=$c; break; }; done
fi
[ -n "$orch" ] || orch=$(command -v orch 2>/dev/null)
if [ -z "$orch" ] || ! command -v node >/dev/null 2>&1; then
  echo "orch: cannot run the ${hook} check: $( [ -z "$orch" ] && echo 'orch was not found (node_modules/.bin or PATH)' || echo 'node was not found on PATH' )." >&2
  echo "  Install it (npm i -D orchguard, or npm i -g orchguard), or set ORCH_BIN to orch's path." >&2
  echo "  To commit without checks deliberately: git commit --no-verify (CI will still check)." >&2
  exit 1
fi
${chained}
exec ${run}
`;
}

/** The line added to a husky hook file (husky puts node_modules/.bin on PATH). */
export function huskyLine(hook: string): string {
  return `orch hook ${hook} "$@"`;
}
