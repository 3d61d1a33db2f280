// `orch init --agent-hooks claude`: Claude Code runs `orch guard` before each file edit
// (a PreToolUse hook in .claude/settings.json, the project settings shared through git).
// The entry is merged into what is there: other hooks, other events and other keys stay;
// a settings file that already runs `orch guard` anywhere under PreToolUse is left as is.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { shellQuote } from '../shellQuote.js';
import { formatJsonLike } from './formatJsonLike.js';
import type { IntegrationPlan } from './plannedChange.js';

export const CLAUDE_SETTINGS = '.claude/settings.json';
export const CLAUDE_EDIT_MATCHER = 'Edit|Write|MultiEdit|NotebookEdit';

/**
 * The command Claude Code runs (through a shell): a local install through
 * $CLAUDE_PROJECT_DIR, its path quoted, else orch on PATH.
 */
export function claudeGuardCommand(hints: readonly string[]): string {
  return hints.length ? `"$CLAUDE_PROJECT_DIR"/${shellQuote(hints[0])} guard` : 'orch guard';
}

export function planClaudeHooks(top: string, hints: readonly string[]): IntegrationPlan {
  const file = path.join(top, CLAUDE_SETTINGS);
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new OrchError(`cannot read ${CLAUDE_SETTINGS}: ${(e as Error).message}`);
  }
  const fix = { hint: `Fix ${CLAUDE_SETTINGS}, then run \`orch init --agent-hooks claude\` again.` };
  let settings: Record<string, unknown> = {};
  if (text !== null && text.trim() !== '') {
    try {
      settings = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new OrchError(`${CLAUDE_SETTINGS} is not valid JSON: ${(e as Error).message}`, fix);
    }
    if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new OrchError(`${CLAUDE_SETTINGS}: expected a JSON object.`, fix);
  }
  const hooks = (settings.hooks ??= {}) as Record<string, unknown>;
  if (typeof hooks !== 'object' || Array.isArray(hooks)) throw new OrchError(`${CLAUDE_SETTINGS}: "hooks" is not an object.`, fix);
  const pre = (hooks.PreToolUse ??= []) as unknown[];
  if (!Array.isArray(pre)) throw new OrchError(`${CLAUDE_SETTINGS}: "hooks.PreToolUse" is not a list.`, fix);

  const present = pre.some(
    (m) =>
      m &&
      typeof m === 'object' &&
      Array.isArray((m as { hooks?: unknown }).hooks) &&
      ((m as { hooks: unknown[] }).hooks).some((h) => h && typeof h === 'object' && /(^|[\s/"'])orch(\.js)?["']? guard\b/.test(String((h as { command?: unknown }).command ?? ''))),
  );
  if (present) return { changes: [], notes: [] };

  const command = claudeGuardCommand(hints);
  pre.push({ matcher: CLAUDE_EDIT_MATCHER, hooks: [{ type: 'command', command }] });
  return {
    changes: [
      {
        file,
        action: text === null ? 'create' : 'update',
        why: 'Claude Code runs `orch guard` before each edit (PreToolUse)',
        content: formatJsonLike(text !== null && text.trim() !== '' ? text : null, settings),
        detail: `hooks.PreToolUse += { matcher: "${CLAUDE_EDIT_MATCHER}", command: ${command} }`,
      },
    ],
    notes: [],
  };
}
