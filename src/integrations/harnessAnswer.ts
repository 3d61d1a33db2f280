// How each harness wants to be answered, from its hook documentation:
// - Claude Code: PreToolUse `{"hookSpecificOutput": {"hookEventName": "PreToolUse",
//   "permissionDecision": "deny", "permissionDecisionReason"}}` (the reason goes to the
//   model); SessionStart `hookSpecificOutput.additionalContext`; Stop `{"decision":
//   "block", "reason"}`.
// - Codex CLI: the same fields (codex-rs/hooks/schema/generated/*.output.schema.json).
// - Gemini CLI: `{"decision": "deny", "reason"}` for BeforeTool and AfterAgent (a retry
//   with the reason as the next prompt); SessionStart `hookSpecificOutput.additionalContext`;
//   stdout must hold JSON only.
// - Cursor: preToolUse / beforeShellExecution `{"permission": "deny", "user_message",
//   "agent_message"}`; sessionStart `{"additional_context"}`; stop `{"followup_message"}`.
// Without a named harness the answer is the one every harness honours: exit 2 with the
// reason on stderr.
import type { Harness } from './parseGuardInput.js';

export interface Answer {
  stdout: string;
  stderr: string;
  code: number;
}

const json = (v: unknown): string => JSON.stringify(v) + '\n';
const quiet = (harness: Harness | null): Answer => ({
  stdout: harness === 'gemini' || harness === 'cursor' ? '{}\n' : '',
  stderr: '',
  code: 0,
});

export function denyAnswer(harness: Harness | null, message: string): Answer {
  const reason = message.trimEnd();
  switch (harness) {
    case 'claude':
    case 'codex':
      return {
        stdout: json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'deny',
            permissionDecisionReason: reason,
          },
        }),
        stderr: '',
        code: 0,
      };
    case 'gemini':
      return { stdout: json({ decision: 'deny', reason }), stderr: '', code: 0 };
    case 'cursor':
      return {
        stdout: json({ permission: 'deny', user_message: reason.split('\n')[0], agent_message: reason }),
        stderr: '',
        code: 0,
      };
    default:
      return { stdout: '', stderr: reason + '\n', code: 2 };
  }
}

export function allowAnswer(harness: Harness | null, event: string | null): Answer {
  if (harness === 'cursor' && (event === 'preToolUse' || event === 'beforeShellExecution'))
    return { stdout: json({ permission: 'allow' }), stderr: '', code: 0 };
  return quiet(harness);
}

export function contextAnswer(harness: Harness | null, text: string): Answer {
  switch (harness) {
    case 'cursor':
      return { stdout: json({ additional_context: text }), stderr: '', code: 0 };
    case 'claude':
    case 'codex':
    case 'gemini':
      return {
        stdout: json({ hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: text } }),
        stderr: '',
        code: 0,
      };
    default:
      return { stdout: text.endsWith('\n') ? text : text + '\n', stderr: '', code: 0 };
  }
}

export function stopAnswer(harness: Harness | null, reason: string | null): Answer {
  if (reason === null) return quiet(harness);
  switch (harness) {
    case 'cursor':
      return { stdout: json({ followup_message: reason }), stderr: '', code: 0 };
    case 'gemini':
      return { stdout: json({ decision: 'deny', reason }), stderr: '', code: 0 };
    case 'claude':
    case 'codex':
      return { stdout: json({ decision: 'block', reason }), stderr: '', code: 0 };
    default:
      return { stdout: '', stderr: reason + '\n', code: 2 };
  }
}

export function writeAnswer(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, a: Answer): number {
  if (a.stdout) io.stdout.write(a.stdout);
  if (a.stderr) io.stderr.write(a.stderr);
  return a.code;
}
