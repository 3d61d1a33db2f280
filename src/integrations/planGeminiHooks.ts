// Gemini CLI (geminicli.com/docs/hooks/reference): project settings in
// .gemini/settings.json, `hooks.<Event>: [{matcher, hooks: [{type, command}]}]`, run with
// $GEMINI_PROJECT_DIR set. BeforeTool blocks with {"decision": "deny", "reason"}; AfterAgent
// with "deny" makes the agent try again with the reason as its prompt, and sends
// stop_hook_active; SessionStart adds hookSpecificOutput.additionalContext. stdout must be
// JSON only.
import { shellQuote } from '../shellQuote.js';
import type { IntegrationPlan } from './plannedChange.js';
import { planAgentHooks, type HarnessSpec } from './planAgentHooks.js';

export const GEMINI_EDIT_MATCHER = 'write_file|replace|run_shell_command';

export const GEMINI_SPEC: HarnessSpec = {
  harness: 'gemini',
  label: 'Gemini CLI',
  file: '.gemini/settings.json',
  shape: 'grouped',
  events: [
    { event: 'BeforeTool', matcher: GEMINI_EDIT_MATCHER, sub: 'guard --harness gemini' },
    { event: 'AfterTool', matcher: GEMINI_EDIT_MATCHER, sub: 'post-edit --harness gemini' },
    { event: 'SessionStart', sub: 'brief --harness gemini' },
    { event: 'AfterAgent', sub: 'session stop --harness gemini' },
    { event: 'SessionEnd', sub: 'session end --harness gemini' },
  ],
  localBin: (hint) => `"$GEMINI_PROJECT_DIR"/${shellQuote(hint)}`,
};

export function planGeminiHooks(top: string, hints: readonly string[]): IntegrationPlan {
  return planAgentHooks(top, hints, GEMINI_SPEC);
}
