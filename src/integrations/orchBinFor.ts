// How a hook manager's command should call orch. husky puts node_modules/.bin on PATH
// before it runs a hook; lefthook, simple-git-hooks and the pre-commit framework run
// commands with whatever PATH git has. So an install found at init time (the root's or a
// monorepo package's node_modules/.bin) is named by its repository-relative path — those
// managers run commands from the top of the working tree — and a global install by name.
// Each of them runs the command through a shell (the pre-commit framework splits it as
// one), so the path is quoted: a directory name must never run as code.
import { shellQuote } from '../shellQuote.js';
import type { HookManager } from './detectHookManagers.js';

export function orchBinFor(manager: HookManager, hints: readonly string[]): string {
  if (hints.length === 0) return 'orch';
  if (manager === 'husky' && hints.includes('node_modules/.bin/orch')) return 'orch';
  return shellQuote(hints[0]);
}
