// What a coding-agent harness's hook hands orch on stdin, reduced to what orch needs: the
// event, the session, where it runs, and what the tool call edits. The shapes, from each
// harness's own documentation and schemas (recorded payloads: test/fixtures/harness/):
//
// - Claude Code (code.claude.com/docs/en/hooks): {"session_id", "transcript_path", "cwd",
//   "hook_event_name": "PreToolUse"|"PostToolUse"|"SessionStart"|"Stop"|"SessionEnd",
//   "tool_name", "tool_input": {"file_path"} (NotebookEdit: "notebook_path"; Bash:
//   "command")}; Stop carries "stop_hook_active".
// - Codex CLI (developers.openai.com/codex/hooks; codex-rs/hooks/schema/generated): the same
//   field names; its edit tool is "apply_patch", whose patch text is `tool_input.command`;
//   shell calls are "Bash" with `tool_input.command`.
// - Gemini CLI (geminicli.com/docs/hooks/reference): "BeforeTool"/"AfterTool"/
//   "SessionStart"/"AfterAgent" (carries "stop_hook_active")/"SessionEnd"; file tools
//   write_file and replace ({"file_path"}), shell run_shell_command ({"command"}).
// - Cursor (cursor.com/docs/agent/hooks): "conversation_id", "workspace_roots", camel-case
//   events: preToolUse {"tool_name", "tool_input"} (Write, Edit, StrReplace, MultiEdit,
//   Delete: "file_path" or "path"; Shell: "command"), beforeShellExecution {"command",
//   "cwd"}, afterFileEdit {"file_path"}, sessionStart, stop {"status", "loop_count"},
//   sessionEnd.
import path from 'node:path';
import { OrchError } from '../errors.js';

export const HARNESSES = ['claude', 'codex', 'gemini', 'cursor'] as const;
export type Harness = (typeof HARNESSES)[number];

/** Tools that change one named file, and where their input names it (first present wins). */
export const EDIT_TOOLS: Readonly<Record<string, readonly string[]>> = {
  Edit: ['file_path', 'path'],
  Write: ['file_path', 'path'],
  MultiEdit: ['file_path', 'path'],
  NotebookEdit: ['notebook_path', 'file_path'],
  write_file: ['file_path'],
  replace: ['file_path'],
  StrReplace: ['file_path', 'path'],
  Delete: ['file_path', 'path'],
};
/** Tools whose input is a shell command. */
export const SHELL_TOOLS = new Set(['Bash', 'run_shell_command', 'Shell', 'shell', 'exec_command']);
/** Codex's patch tool. */
export const PATCH_TOOLS = new Set(['apply_patch']);

export type Phase = 'pre' | 'post' | 'start' | 'stop' | 'end';
const PHASES: Record<string, Phase> = {
  PreToolUse: 'pre',
  BeforeTool: 'pre',
  preToolUse: 'pre',
  beforeShellExecution: 'pre',
  PostToolUse: 'post',
  AfterTool: 'post',
  postToolUse: 'post',
  afterFileEdit: 'post',
  afterShellExecution: 'post',
  SessionStart: 'start',
  sessionStart: 'start',
  Stop: 'stop',
  AfterAgent: 'stop',
  stop: 'stop',
  SessionEnd: 'end',
  sessionEnd: 'end',
};

export type EditTarget =
  | { kind: 'none' }
  | { kind: 'paths'; paths: string[] }
  | { kind: 'shell'; command: string }
  | { kind: 'patch'; text: string };

export interface HookPayload {
  /** Named by --harness, else recognised from the payload; null for a bare payload. */
  harness: Harness | null;
  event: string | null;
  phase: Phase | null;
  tool: string | null;
  /** The harness's working directory, when it sent one. */
  cwd: string | null;
  sessionId: string | null;
  /** The stop hook already blocked once in this turn (or Cursor's follow-up count > 0). */
  stopHookActive: boolean;
  edit: EditTarget;
}

export function parseHookPayload(text: string, harness?: Harness): HookPayload {
  if (text.trim() === '') {
    throw new OrchError('nothing on standard input.', {
      hint: "Run it as a harness's hook (it passes JSON on stdin), or give the file: orch guard --path <file>.",
    });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    throw new OrchError(`standard input is not JSON (${(e as Error).message}).`, {
      hint: "Expected a harness hook's JSON, such as Claude Code's PreToolUse input; otherwise use --path <file>.",
    });
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new OrchError('expected a JSON object on standard input.', { hint: 'Otherwise use --path <file>.' });
  }
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const roots = Array.isArray(p.workspace_roots)
    ? p.workspace_roots.filter((r): r is string => typeof r === 'string')
    : [];
  const cwd = str(p.cwd) ?? roots[0] ?? null;
  const event = str(p.hook_event_name);
  const tool = str(p.tool_name);
  const detected: Harness | null =
    harness ??
    (p.conversation_id !== undefined || roots.length || (event && /^[a-z]/.test(event))
      ? 'cursor'
      : event && ['BeforeTool', 'AfterTool', 'AfterAgent'].includes(event)
        ? 'gemini'
        : tool && PATCH_TOOLS.has(tool)
          ? 'codex'
          : null);
  const loopCount = typeof p.loop_count === 'number' ? p.loop_count : 0;
  return {
    harness: detected,
    event,
    phase: event ? (PHASES[event] ?? null) : null,
    tool,
    cwd,
    sessionId: str(p.session_id) ?? str(p.conversation_id),
    stopHookActive: p.stop_hook_active === true || loopCount > 0,
    edit: editTarget(p, tool, event, cwd),
  };
}

function editTarget(
  p: Record<string, unknown>,
  tool: string | null,
  event: string | null,
  cwd: string | null,
): EditTarget {
  const abs = (raw: string) => (cwd && !path.isAbsolute(raw) ? path.resolve(cwd, raw) : raw);
  // Cursor's dedicated events carry their fields at the top level
  if (event === 'beforeShellExecution' || event === 'afterShellExecution') {
    return typeof p.command === 'string' && p.command ? { kind: 'shell', command: p.command } : { kind: 'none' };
  }
  if (event === 'afterFileEdit') {
    return typeof p.file_path === 'string' && p.file_path
      ? { kind: 'paths', paths: [abs(p.file_path)] }
      : { kind: 'none' };
  }
  if (!tool) return { kind: 'none' };
  let input: Record<string, unknown> = {};
  if (p.tool_input && typeof p.tool_input === 'object') input = p.tool_input as Record<string, unknown>;
  else if (typeof p.tool_input === 'string') {
    // some harnesses send the tool's arguments as a JSON string
    try {
      const parsed = JSON.parse(p.tool_input);
      if (parsed && typeof parsed === 'object') input = parsed;
    } catch {
      // a patch tool's raw text
      input = { command: p.tool_input };
    }
  }
  if (PATCH_TOOLS.has(tool)) {
    const text = [input.command, input.patch, input.input].find((v): v is string => typeof v === 'string' && v !== '');
    return text ? { kind: 'patch', text } : { kind: 'none' };
  }
  if (SHELL_TOOLS.has(tool)) {
    const command = input.command;
    const text = Array.isArray(command) ? command.filter((c) => typeof c === 'string').join(' ') : command;
    return typeof text === 'string' && text ? { kind: 'shell', command: text } : { kind: 'none' };
  }
  const keys = EDIT_TOOLS[tool];
  if (!keys) return { kind: 'none' };
  const raw = keys.map((k) => input[k]).find((v): v is string => typeof v === 'string' && v !== '');
  return raw ? { kind: 'paths', paths: [abs(raw)] } : { kind: 'none' };
}

/** Kept for callers that only want the one file a pre-tool edit names. */
export function parseGuardInput(text: string): { tool: string | null; path: string | null; cwd: string | null } {
  const p = parseHookPayload(text);
  const path = p.phase === 'pre' || p.phase === null ? (p.edit.kind === 'paths' ? p.edit.paths[0] : null) : null;
  return { tool: p.tool, path, cwd: p.cwd };
}
