// Codex CLI (developers.openai.com/codex/hooks): project hooks in .codex/hooks.json, the
// same shape as Claude Code's. Its file edits are `apply_patch` (the patch text in
// tool_input.command), its shell calls `Bash`. PreToolUse blocks with a JSON
// permissionDecision "deny"; Stop blocks with {"decision": "block"} and sends
// stop_hook_active; there is no session-end event. Hooks run in the session's working
// directory; Codex runs a new or changed hook only after it is trusted (`/hooks`).
import { shellQuote } from '../shellQuote.js';
import type { IntegrationPlan } from './plannedChange.js';
import { planAgentHooks, type HarnessSpec } from './planAgentHooks.js';

export const CODEX_EDIT_MATCHER = 'Bash|apply_patch|Edit|Write';

export const CODEX_SPEC: HarnessSpec = {
  harness: 'codex',
  label: 'Codex CLI',
  file: '.codex/hooks.json',
  shape: 'grouped',
  events: [
    { event: 'PreToolUse', matcher: CODEX_EDIT_MATCHER, sub: 'guard --harness codex' },
    { event: 'PostToolUse', matcher: CODEX_EDIT_MATCHER, sub: 'post-edit --harness codex' },
    { event: 'SessionStart', sub: 'brief --harness codex' },
    { event: 'Stop', sub: 'session stop --harness codex' },
  ],
  localBin: (hint) => `"$(git rev-parse --show-toplevel)"/${shellQuote(hint)}`,
  notes: [
    'Codex runs hooks from .codex/hooks.json only once they are trusted: open codex in this repository and approve them with /hooks.',
    'Codex has no session-end event: auto-locks a Codex session took are released by `orch done auto`, or lapse with locks.ttl.',
  ],
};

export function planCodexHooks(top: string, hints: readonly string[]): IntegrationPlan {
  return planAgentHooks(top, hints, CODEX_SPEC);
}
