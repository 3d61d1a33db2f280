// The files a Codex `apply_patch` call changes. Codex hands the patch text to PreToolUse
// hooks as `tool_input.command` (openai/codex, "fix(core): emit hooks for apply_patch
// edits", #18391); the patch names each file in a header line:
//   *** Add File: <path>      *** Delete File: <path>
//   *** Update File: <path>   *** Move to: <path>   (a rename: the update's new name)
// A patch may also arrive wrapped in a shell call (`apply_patch <<'EOF' … EOF`): the
// headers are the same lines. Paths are relative to the session's working directory.
import path from 'node:path';

const HEADER = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+?)\s*$/;

export function applyPatchPaths(patch: string, cwd: string): string[] {
  const out: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const m = HEADER.exec(line);
    if (m && m[2] !== '') out.push(path.resolve(cwd, m[2]));
  }
  return [...new Set(out)];
}

/** True when a command is the patch itself (its first non-blank line begins the patch). */
export function looksLikePatch(text: string): boolean {
  return /^\s*\*\*\* Begin Patch\b/.test(text) || /(^|\n)apply_patch\b[^\n]*\n\*\*\* Begin Patch/.test(text);
}
