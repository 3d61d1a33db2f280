// Every text the CLI itself prints (help, confirmations, common errors) lives here, so
// wording stays consistent and is found in one place. Rule findings carry their own text.

export const USAGE = `orch — enforce a multi-agent coordination protocol with git hooks and CI

Usage: orch <command> [options]

Commands:
  init            install hooks, create WORK_STATUS.md and .orchrc.json
  lock            lock paths for the current agent in WORK_STATUS.md
  unlock          release locks (your own, or another agent's with --steal --reason)
  status          show locks and reviews
  check           check the staged change, given files, or a commit range
  hook            run a git hook (pre-commit, commit-msg, pre-push, pre-receive)
  ci              check a commit range in CI
  done            finish a task: release its locks and record completion
  review          request or approve container and contract reviews
  decide          record an architectural decision in orchestration-index.md
  doctor          diagnose the installation
  explain         describe a rule
  merge-driver    three-way merge of WORK_STATUS.md (called by git)
  guard           edit-time check for coding-agent harnesses
  post-edit       record which agent edited which paths (harness post-edit hook)
  brief           what an agent must know at session start
  session         session stop and end checks (harness stop hooks)
  sync            fetch the shared lock branch and refresh the local view

Global options:
  --agent NAME        act as this agent (else ORCH_AGENT, git config orch.agent, …)
  --format FORMAT     human | json | github | sarif (env ORCH_FORMAT)
  -h, --help          help for a command
  -v, --version       print the version

Exit codes: 0 nothing blocking, 1 blocked by an error finding, 2 usage, configuration,
unreadable input or internal error.
Run \`orch <command> --help\` for a command's options.`;

export const HELP: Record<string, string> = {
  init: `Usage: orch init [--strict] [--dry-run] [--remote NAME] [--agent-hooks claude,codex,gemini,cursor|all]

Installs orch into this repository. Idempotent: run it again at any time.
  - joins the hook manager git runs, first in each hook, keeping everything else:
    husky (a block in .husky/pre-commit, commit-msg, post-commit, pre-push), lefthook
    (an \`orch\` job in lefthook.yml), simple-git-hooks (its package.json key), the
    pre-commit framework (a local entry in .pre-commit-config.yaml);
  - otherwise: installs POSIX sh hooks into the hooks directory git uses
    (core.hooksPath honoured), chaining any hook that is already there;
  - creates WORK_STATUS.md (canonical form) and .orchrc.json (with "$schema") when missing;
  - registers the WORK_STATUS.md merge driver in .gitattributes and git config.

Options:
  --strict            turn on lock-required for every path
  --dry-run           print what would change, change nothing
  --remote NAME       share locks through this git remote's lock branch: creates the
                      branch there when missing, adds its fetch refspec, and sets
                      locks.remote in a configuration this run creates (an existing
                      one is left to you: the change to make is printed)
  --agent-hooks LIST  wire orch into coding-agent harnesses' project configuration:
                      claude (.claude/settings.json), codex (.codex/hooks.json),
                      gemini (.gemini/settings.json), cursor (.cursor/hooks.json);
                      "all": the four; "detect": those whose directory exists.
                      Every event: pre-edit guard, post-edit record, session start
                      brief, stop check, session end`,
  lock: `Usage: orch lock <path|glob>... [--task ID] [--ttl 8h] [--note TEXT] [--agent NAME]

Locks paths for the current agent: adds rows to the Locks table of WORK_STATUS.md.
A path ending in / locks a directory; globs (src/**/*.ts) are allowed. Paths are taken
relative to the current directory, or absolute inside the repository.
Fails (exit 1) when another agent holds an overlapping lock; locking what you already
hold is a no-op.

Options:
  --task ID      task id recorded with the lock
  --ttl DURATION expiry such as 30m, 8h, 2d (default: locks.defaultTtl, else none)
  --note TEXT    free text for the Note column
  --offline      (remote mode) record in this clone only; \`orch sync\` publishes it
  --format json  machine-readable result

Remote mode (locks.remote set): the lock is taken on the remote's lock branch
(locks.branch, default orch/locks) — fetched, checked, committed and pushed
fast-forward only, retried when another clone got there first — and the local
WORK_STATUS.md lock table is refreshed to show the shared table. An unreachable remote
fails with exit 2 unless --offline is given.`,
  unlock: `Usage: orch unlock [<path>...] [--task ID] [--all] [--steal --reason TEXT] [--agent NAME]

Releases locks. Without --steal only your own locks are released. With --steal, another
agent's lock is removed and the steal, with your reason, is recorded in the Log.

Options:
  --task ID       release every lock you hold for this task
  --all           release every lock you hold
  --steal         release another agent's lock (requires --reason)
  --reason TEXT   why the lock is taken over (recorded)
  --offline       (remote mode) record in this clone only; \`orch sync\` publishes it
  --format json   machine-readable result`,
  status: `Usage: orch status [--mine] [--format json] [--agent NAME]

Shows active and expired locks of every worktree, and reviews.
  --mine   only the current agent's locks`,
  check: `Usage: orch check [--staged | --files P... | --range A..B] [--format F] [--agent NAME]

Runs the rules without committing (context "check").
  --staged      the index against HEAD (default)
  --files P...  these files as they are in the working tree (absolute paths accepted;
                usable as a lint-staged task)
  --range A..B  every commit of a range`,
  hook: `Usage: orch hook <pre-commit|commit-msg|pre-push|pre-receive> [git's arguments]

Runs as git's hook; arguments and standard input exactly as git passes them.
The shims that \`orch init\` installs call this; you rarely run it yourself.`,
  ci: `Usage: orch ci [--base REV] [--head REV] [--deepen] [--format F]

Checks every commit of base..head. Without --base/--head the range comes from the CI
environment (GitHub Actions, GitLab CI, Bitbucket Pipelines).`,
  done: `Usage: orch done <task> [--force] [--agent NAME]

Releases your locks for <task> and appends a completion entry to the Log. The commit
that carries it must also update orchestration-index.md (rule task-completion).
A task with no lock of yours and no Log entry of yours is refused (exit 1, most likely
a wrong id); --force logs its completion anyway.`,
  review: `Usage: orch review request|approve <path>... [--agent NAME]

request: record a review request for container files (for docker-expert) or contract
         files (for each consumer of the contract group).
approve: as the reviewer (docker-expert) or a consumer of the contract, mark them
         approved for their current content; a later change voids the approval.`,
  decide: `Usage: orch decide "<title>" --context "<why>" --decision "<what>" [--consequences "<what follows>"] [--agent NAME]

Appends a dated decision record, attributed to the agent, to the Decisions section of
orchestration-index.md (indexFile), creating the section or the file when missing.
Commit the file with the change it decides (rule decision-record).`,
  doctor: `Usage: orch doctor [--format json]

Checks that hooks are reachable from this worktree, husky's stubs exist, the
configuration is valid, the status file is readable, the merge driver is registered,
and which agent identity resolves, from where. In remote mode (locks.remote) also
whether the lock branch can be reached, how old its last change and this clone's copy
are, and whether offline locks wait for \`orch sync\`. Exit 1 when something is broken.`,
  explain: `Usage: orch explain [<rule>]

Prints a rule's documentation; without a rule, lists all rules.`,
  'merge-driver': `Usage: orch merge-driver %O %A %B %P

Three-way merge of WORK_STATUS.md by meaning, called by git (see .gitattributes).`,
  guard: `Usage: orch guard [--harness claude|codex|gemini|cursor] [--path P] [--agent NAME]

Edit-time check: reads a coding agent harness's pre-tool JSON on stdin (Claude Code and
Codex PreToolUse, Gemini CLI BeforeTool, Cursor preToolUse / beforeShellExecution) or
takes --path, and blocks an edit of a path locked by another agent or of a contract the
agent does not own. Edit tools, Codex's apply_patch (its Add/Update/Delete/Move headers)
and shell commands that write files (redirections, tee, sed -i, perl -i, mv, cp, rm,
touch, truncate, git checkout --, git restore, git rm, git mv) are judged; a shell target
that cannot be known is allowed (the commit hook checks).

With --harness, the answer is that harness's JSON decision; without it: exit 0 the edit
may go ahead (nothing printed); 2 blocked, the reason on stderr; 1 the guard could not
check (it says why; the commit hook still checks).
With locks.autoLock, an edit of a free path takes the lock for the agent (task
ORCH_TASK, else "auto"; released by \`orch done auto\` or at the session's end). An edit
under the agent's own expiring lock renews it (locks.renewEvery).`,
  'post-edit': `Usage: orch post-edit [--harness NAME] [--agent NAME]

The harness's post-edit hook: records which agent changed which paths in
.git/orch/edits.log (shared by worktrees, never committed, bounded). Rule foreign-edit
reads it at pre-commit. Never blocks.`,
  brief: `Usage: orch brief [--harness NAME] [--limit N] [--agent NAME]

What an agent must know before it starts: its identity (a warning when none is set), its
locks, other agents' locks, contracts it owns and must not touch, reviews waiting for it,
tasks in progress, and the first section of orchestration-index.md. Each list stops at
--limit entries (default 12) and counts the rest. With --harness, printed as that
harness's SessionStart context.`,
  session: `Usage: orch session stop|end [--harness NAME] [--agent NAME]

stop: while the agent holds locks over uncommitted changes, or over a task committed but
not finished, blocks the stop once with the exact commands to run (the harness's
stop_hook_active / loop_count lets the next stop through). end: releases the session's
auto-locks that have no uncommitted changes under them.`,
  sync: `Usage: orch sync [--agent NAME] [--format json]

Remote mode (locks.remote): fetches the shared lock branch, publishes the lock and
unlock operations taken with --offline in this clone (in order; an offline lock that
now conflicts with another agent's is reported and dropped), and refreshes the local
WORK_STATUS.md lock table to show the shared one. Exit 1 when an offline lock could not
be published, 2 when the remote cannot be reached.`,
};

export function unknownCommand(name: string): string {
  const names = Object.keys(HELP);
  const close = names.find((n) => n.startsWith(name.slice(0, 2)));
  return `orch: unknown command "${name}".${close ? ` Did you mean "${close}"?` : ''} Run \`orch --help\` for the list.`;
}

export const msg = {
  noIdentity:
    "orch: no identity: set ORCH_AGENT, pass --agent NAME, run `git config orch.agent NAME`, or set git's user.email.",
  locked: (path: string, who: string, extra: string) => `Locked ${path} for ${who}${extra}.`,
  alreadyLocked: (path: string, who: string) => `${path} is already locked by ${who}; nothing to do.`,
  unlocked: (path: string, who: string) => `Released ${path} (${who}).`,
  stolen: (path: string, from: string) =>
    `Removed ${from}'s lock on ${path}; the steal and its reason are recorded in the Log. You hold no lock on it: to take one, orch lock ${path}`,
  reviewRequested: (path: string, reviewer: string, statusFile: string) =>
    `orch: requested a container review of ${path} from ${reviewer} (recorded in ${statusFile} with this commit).`,
  holdNothing: (agent: string) => `orch: ${agent} holds no locks; nothing to release.`,
  commitStatus:
    'This changed WORK_STATUS.md in this working tree only: commit it for agents in other clones to see the change.',
  nothingToUnlock: 'orch: nothing to unlock: you hold no matching lock.',
  remoteOutcome: (r: { state: string; label: string; commit?: string | null; attempts?: number }) =>
    r.state === 'offline'
      ? `Offline: recorded in this clone's WORK_STATUS.md only. It binds nobody else until \`orch sync\` publishes it to ${r.label}.`
      : r.state === 'published'
        ? `Published to ${r.label}${r.commit ? ` (${r.commit.slice(0, 12)})` : ''}${r.attempts && r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}.`
        : `${r.label} already says so; nothing to publish.`,
  skippedAll: 'orch: ORCH_SKIP=1 — all checks skipped. CI still checks this commit and reports the skip.',
  internal: (m: string) =>
    `orch: internal error: ${m}\n  This is a bug in orch. Run again with ORCH_DEBUG=1 for details, and report it.`,
};
