// The hooks `orch init` installs are the POSIX sh files in the package's hooks/ folder
// (a server administrator can copy them as they are). They never call npx (≈270 ms a
// commit). Hooks that need orch find it and exec it; when neither orch nor node can be
// found — a GUI client with another PATH, a fresh worktree before npm install — they fail
// loudly rather than let a commit through unchecked. commit-msg needs no Node.js at all:
// pre-commit leaves the trailers in the git dir and git interpret-trailers adds them.
//
// The one thing init changes in a file is the `hints=''` line: the paths where it found
// orch, written as one single-quoted sh word. The shim only expands it inside double
// quotes, so no directory name is ever run as shell code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrchError } from '../errors.js';

export const SHIM_MARKER = 'orchguard-shim';
export const CHAIN_SUFFIX = '.orch-chained';
export const HUSKY_BEGIN = '# >>> orch';
export const HUSKY_END = '# <<< orch';

/** The hooks orch installs, in the order a commit and a push reach them. */
export const INSTALLED_HOOKS = ['pre-commit', 'commit-msg', 'post-commit', 'pre-push'] as const;

/** Every file in hooks/: the installed ones and the server's pre-receive. */
export const SHIPPED_HOOKS = [...INSTALLED_HOOKS, 'pre-receive'] as const;

const HINTS_LINE = "hints=''";

let hooksDir: string | undefined;

/**
 * The package's hooks/ folder. Found by walking up from this module, because the code runs
 * from src (tests), dist/ (the bundle) and dist/lazy-*.js alike.
 */
export function shippedHooksDir(): string {
  if (hooksDir) return hooksDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'hooks');
    if (fs.existsSync(path.join(candidate, 'pre-commit')) && fs.existsSync(path.join(dir, 'package.json')))
      return (hooksDir = candidate);
    const up = path.dirname(dir);
    if (up === dir) {
      throw new OrchError(
        `orch's hook files were not found (a hooks/ folder beside its package.json, above ${fileURLToPath(import.meta.url)}).`,
        {
          hint: 'Reinstall orchguard (npm i -D orchguard): the package ships them in hooks/.',
        },
      );
    }
    dir = up;
  }
}

/** The text of hooks/<hook>, as shipped. */
export function shippedHook(hook: string): string {
  if (!(SHIPPED_HOOKS as readonly string[]).includes(hook)) throw new OrchError(`orch has no ${hook} hook.`);
  return fs.readFileSync(path.join(shippedHooksDir(), hook), 'utf8');
}

/** A sh word that is exactly `text`: single quotes, each ' written as '\''. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The lines of a hook file between `# begin: <name>` and `# end: <name>`. */
function section(text: string, name: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(`# begin: ${name}`));
  const to = lines.findIndex((l, i) => i > from && l.startsWith(`# end: ${name}`));
  if (from === -1 || to === -1)
    throw new OrchError(`orch's hook file has no "${name}" section: the package is damaged.`);
  return lines.slice(from + 1, to).join('\n');
}

/** commit-msg, in sh: add the trailers pre-commit recorded, once; leave merges and fixups alone. */
export function commitMsgBody(): string {
  return section(shippedHook('commit-msg'), 'trailers');
}

/** post-commit, in sh: only a pathspec commit (`git commit -- path`) leaves work for orch. */
function postCommitGuard(): string {
  return section(shippedHook('post-commit'), 'note check');
}

/**
 * The hook file to install.
 * @param hook  git's hook name
 * @param binHints  repository-relative paths where orch was found at init time
 */
export function hookShim(hook: string, binHints: string[]): string {
  const text = shippedHook(hook);
  if (hook === 'commit-msg') return text;
  if (!text.includes(`\n${HINTS_LINE}\n`))
    throw new OrchError(`orch's ${hook} hook file has no ${HINTS_LINE} line: the package is damaged.`);
  // a path with a newline cannot be one line of the list; such an install is found on PATH
  const hints = [...new Set(binHints)].filter((h) => !h.includes('\n'));
  if (hints.length === 0 || (hints.length === 1 && hints[0] === 'node_modules/.bin/orch')) return text;
  return text.replace(`\n${HINTS_LINE}\n`, () => `\nhints=${singleQuoted(hints.join('\n'))}\n`);
}

/**
 * What orch adds to a husky hook file, between markers so a re-run can update it.
 * @param bin  `orch` (husky puts node_modules/.bin on PATH) or, when orch is installed
 *   only in a monorepo package, its path from the top of the working tree, already
 *   quoted for sh (see orchBinFor)
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
