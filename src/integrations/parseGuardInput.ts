// What a coding-agent harness's pre-tool-use hook hands `orch guard` on stdin, reduced to
// the one thing the guard needs: the file an edit is about to change, if it is an edit.
// Claude Code (PreToolUse): {"session_id", "transcript_path", "cwd", "hook_event_name":
// "PreToolUse", "tool_name": "Edit", "tool_input": {"file_path": "/abs/path", ...}};
// NotebookEdit names its file `notebook_path`. Gemini CLI's BeforeTool input has the same
// shape, with its file tools write_file and replace. Every other tool is not an edit.
import path from 'node:path';
import { OrchError } from '../errors.js';

/** Tools that change a file, and where their input names it (first present wins). */
export const EDIT_TOOLS: Readonly<Record<string, readonly string[]>> = {
  Edit: ['file_path'],
  Write: ['file_path'],
  MultiEdit: ['file_path'],
  NotebookEdit: ['notebook_path', 'file_path'],
  write_file: ['file_path'],
  replace: ['file_path'],
};

/** The events that come before a tool runs: Claude Code's and Gemini CLI's names. */
const PRE_TOOL_EVENTS = new Set(['PreToolUse', 'BeforeTool']);

export interface GuardInput {
  /** The harness's tool name, when it sent one. */
  tool: string | null;
  /** The file the edit targets (absolute when the harness gave a cwd), or null: not an edit. */
  path: string | null;
  /** The harness's working directory, when it sent one. */
  cwd: string | null;
}

export function parseGuardInput(text: string): GuardInput {
  if (text.trim() === '') {
    throw new OrchError('orch guard: nothing on standard input.', {
      hint: "Run it as a harness's pre-tool-use hook (it passes JSON on stdin), or give the file: orch guard --path <file>.",
    });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    throw new OrchError(`orch guard: standard input is not JSON (${(e as Error).message}).`, {
      hint: "Expected a pre-tool-use hook's JSON, such as Claude Code's PreToolUse input; for other harnesses use --path <file>.",
    });
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new OrchError('orch guard: expected a JSON object on standard input.', { hint: 'For other harnesses use --path <file>.' });
  }
  const p = payload as Record<string, unknown>;
  const cwd = typeof p.cwd === 'string' && p.cwd ? p.cwd : null;
  const tool = typeof p.tool_name === 'string' ? p.tool_name : null;
  const event = typeof p.hook_event_name === 'string' ? p.hook_event_name : null;
  if (event !== null && !PRE_TOOL_EVENTS.has(event)) return { tool, path: null, cwd };
  const keys = tool ? EDIT_TOOLS[tool] : undefined;
  const input = p.tool_input && typeof p.tool_input === 'object' ? (p.tool_input as Record<string, unknown>) : {};
  if (!keys) return { tool, path: null, cwd };
  const raw = keys.map((k) => input[k]).find((v): v is string => typeof v === 'string' && v !== '');
  if (!raw) return { tool, path: null, cwd };
  return { tool, path: cwd && !path.isAbsolute(raw) ? path.resolve(cwd, raw) : raw, cwd };
}
