// Cursor (cursor.com/docs/agent/hooks): project hooks in .cursor/hooks.json,
// `{"version": 1, "hooks": {<event>: [{"command", "matcher"?}]}}`, run from the project's
// root. preToolUse and beforeShellExecution answer {"permission": "deny", "user_message",
// "agent_message"}; afterFileEdit and afterShellExecution are told after the fact;
// sessionStart adds {"additional_context"}; stop answers {"followup_message"} (Cursor
// counts follow-ups in loop_count); sessionEnd cannot block.
import { shellQuote } from '../shellQuote.js';
import type { IntegrationPlan } from './plannedChange.js';
import { planAgentHooks, type HarnessSpec } from './planAgentHooks.js';

export const CURSOR_EDIT_MATCHER = 'Write|Edit|StrReplace|MultiEdit|Delete';

export const CURSOR_SPEC: HarnessSpec = {
  harness: 'cursor',
  label: 'Cursor',
  file: '.cursor/hooks.json',
  shape: 'flat',
  events: [
    { event: 'preToolUse', matcher: CURSOR_EDIT_MATCHER, sub: 'guard --harness cursor' },
    { event: 'beforeShellExecution', sub: 'guard --harness cursor' },
    { event: 'afterFileEdit', sub: 'post-edit --harness cursor' },
    { event: 'afterShellExecution', sub: 'post-edit --harness cursor' },
    { event: 'sessionStart', sub: 'brief --harness cursor' },
    { event: 'stop', sub: 'session stop --harness cursor' },
    { event: 'sessionEnd', sub: 'session end --harness cursor' },
  ],
  localBin: (hint) => `./${shellQuote(hint)}`,
};

export function planCursorHooks(top: string, hints: readonly string[]): IntegrationPlan {
  return planAgentHooks(top, hints, CURSOR_SPEC);
}
