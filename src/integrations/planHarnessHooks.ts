// One entry for `orch init --agent-hooks`: each harness's plan, and its spec for doctor.
import type { Harness } from './parseGuardInput.js';
import { planAgentHooks, type HarnessSpec } from './planAgentHooks.js';
import type { IntegrationPlan } from './plannedChange.js';
import { CLAUDE_SPEC } from './planClaudeHooks.js';
import { CODEX_SPEC } from './planCodexHooks.js';
import { CURSOR_SPEC } from './planCursorHooks.js';
import { GEMINI_SPEC } from './planGeminiHooks.js';

export const HARNESS_SPECS: Record<Harness, HarnessSpec> = {
  claude: CLAUDE_SPEC,
  codex: CODEX_SPEC,
  gemini: GEMINI_SPEC,
  cursor: CURSOR_SPEC,
};

export function planHarnessHooks(harness: Harness, top: string, hints: readonly string[]): IntegrationPlan {
  return planAgentHooks(top, hints, HARNESS_SPECS[harness]);
}
