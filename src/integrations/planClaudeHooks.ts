// Claude Code (code.claude.com/docs/en/hooks): project settings in .claude/settings.json,
// shared through git. Hooks run with $CLAUDE_PROJECT_DIR set to the project's root.
// PreToolUse blocks with a JSON permissionDecision "deny"; SessionStart adds
// hookSpecificOutput.additionalContext; Stop blocks with {"decision": "block"} and sends
// stop_hook_active on the next try; SessionEnd cannot block.
import type { IntegrationPlan } from './plannedChange.js';
import { planAgentHooks, type HarnessSpec } from './planAgentHooks.js';
import { shellQuote } from '../shellQuote.js';

export const CLAUDE_SETTINGS = '.claude/settings.json';
export const CLAUDE_EDIT_MATCHER = 'Edit|Write|MultiEdit|NotebookEdit|Bash';

export const CLAUDE_SPEC: HarnessSpec = {
  harness: 'claude',
  label: 'Claude Code',
  file: CLAUDE_SETTINGS,
  shape: 'grouped',
  events: [
    { event: 'PreToolUse', matcher: CLAUDE_EDIT_MATCHER, sub: 'guard --harness claude' },
    { event: 'PostToolUse', matcher: CLAUDE_EDIT_MATCHER, sub: 'post-edit --harness claude' },
    { event: 'SessionStart', sub: 'brief --harness claude' },
    { event: 'Stop', sub: 'session stop --harness claude' },
    { event: 'SessionEnd', sub: 'session end --harness claude' },
  ],
  // the path quoted: a directory name is never run as code
  localBin: (hint) => `"$CLAUDE_PROJECT_DIR"/${shellQuote(hint)}`,
};

/** The command Claude Code runs before an edit: a local install through $CLAUDE_PROJECT_DIR, else orch on PATH. */
export function claudeGuardCommand(hints: readonly string[]): string {
  return `${hints.length ? CLAUDE_SPEC.localBin(hints[0]) : 'orch'} guard --harness claude`;
}

export function planClaudeHooks(top: string, hints: readonly string[]): IntegrationPlan {
  return planAgentHooks(top, hints, CLAUDE_SPEC);
}
