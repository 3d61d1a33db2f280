// Drives orch the way a coding-agent harness does: a recorded payload (test/fixtures/
// harness/) with this repository's paths filled in, piped into the command that `orch
// init --agent-hooks <harness>` wrote into that harness's configuration — read back from
// the written file, run through sh from the repository's root, with the variables the
// harness sets (CLAUDE_PROJECT_DIR, GEMINI_PROJECT_DIR).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, type Run, type TempRepo } from './tempRepo.js';

export type HarnessName = 'claude' | 'codex' | 'gemini' | 'cursor';

const CONFIG: Record<HarnessName, string> = {
  claude: '.claude/settings.json',
  codex: '.codex/hooks.json',
  gemini: '.gemini/settings.json',
  cursor: '.cursor/hooks.json',
};

export interface Vars {
  file?: string;
  command?: string;
  patch?: string;
  session?: string;
}

/** A recorded payload with the placeholders replaced (inside JSON strings, escaped as JSON). */
export function fixture(repo: TempRepo, harness: HarnessName, name: string, vars: Vars = {}): string {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/harness', harness, `${name}.json`), 'utf8'));
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v
        .replaceAll('__REPO__', repo.dir)
        .replaceAll('__FILE__', vars.file ? path.resolve(repo.dir, vars.file) : '__FILE__')
        .replaceAll('__COMMAND__', vars.command ?? '')
        .replaceAll('__PATCH__', vars.patch ?? '')
        .replaceAll('__SESSION__', vars.session ?? 'session-1');
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return JSON.stringify(fill(raw));
}

/** The command the harness's configuration runs for an event (and tool, where it matches on one). */
export function configuredCommand(repo: TempRepo, harness: HarnessName, event: string, tool?: string): string {
  const settings = JSON.parse(repo.read(CONFIG[harness]));
  const list: Record<string, unknown>[] = settings.hooks?.[event] ?? [];
  const matches = (m: unknown) =>
    m === undefined || m === '' || m === '*' || (tool !== undefined && new RegExp(`^(?:${String(m)})$`).test(tool));
  const commands: string[] = [];
  for (const entry of list) {
    if (!matches(entry.matcher)) continue;
    if (harness === 'cursor') commands.push(String(entry.command));
    else for (const h of (entry.hooks as { command: string }[]) ?? []) commands.push(h.command);
  }
  const orch = commands.filter((c) => /\borch\b/.test(c));
  if (orch.length !== 1)
    throw new Error(
      `${CONFIG[harness]}: expected one orch command for ${event}${tool ? ` (${tool})` : ''}, found ${JSON.stringify(commands)}`,
    );
  return orch[0];
}

/** Runs a hook command as the harness would: sh -c from the repository's root, payload on stdin. */
export function runHook(repo: TempRepo, command: string, input: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync('sh', ['-c', command], {
    cwd: repo.dir,
    env: { ...repo.env, CLAUDE_PROJECT_DIR: repo.dir, GEMINI_PROJECT_DIR: repo.dir, ...env },
    input,
    encoding: 'utf8',
  });
  if (r.error) throw r.error;
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** One hook call: the fixture, through the configured command. */
export function hook(
  repo: TempRepo,
  harness: HarnessName,
  event: string,
  fixtureName: string,
  vars: Vars,
  env: NodeJS.ProcessEnv,
  tool?: string,
): Run {
  return runHook(repo, configuredCommand(repo, harness, event, tool), fixture(repo, harness, fixtureName, vars), env);
}

/** Whether the harness was told to block, in its own terms. */
export function denied(harness: HarnessName, r: Run): boolean {
  if (r.code === 2) return true;
  if (r.code !== 0 || !r.stdout.trim()) return false;
  const out = JSON.parse(r.stdout);
  switch (harness) {
    case 'claude':
    case 'codex':
      return out.hookSpecificOutput?.permissionDecision === 'deny';
    case 'gemini':
      return out.decision === 'deny' || out.decision === 'block';
    case 'cursor':
      return out.permission === 'deny';
  }
}

/** The text the model reads for a block. */
export function reason(_harness: HarnessName, r: Run): string {
  if (r.code === 2) return r.stderr;
  const out = JSON.parse(r.stdout);
  return (
    out.hookSpecificOutput?.permissionDecisionReason ?? out.reason ?? out.agent_message ?? out.followup_message ?? ''
  );
}

/** Allowed: exit 0 and, when the harness reads stdout, nothing that denies. */
export function allowed(harness: HarnessName, r: Run): boolean {
  return r.code === 0 && !denied(harness, r);
}

/** A recorded payload with some fields changed (stop_hook_active, loop_count…). */
export function withFields(json: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(json), ...fields });
}

/** Whether a stop hook's answer keeps the agent going, and with what text. */
export function stopBlocked(harness: HarnessName, r: Run): string | null {
  if (r.code !== 0) throw new Error(`stop hook failed (${r.code}): ${r.out}`);
  if (!r.stdout.trim()) return null;
  const out = JSON.parse(r.stdout);
  if (harness === 'cursor') return out.followup_message ?? null;
  if (harness === 'gemini') return out.decision === 'deny' ? out.reason : null;
  return out.decision === 'block' ? out.reason : null;
}

/** The context a SessionStart hook added. */
export function sessionContext(harness: HarnessName, r: Run): string {
  if (r.code !== 0) throw new Error(`session start hook failed (${r.code}): ${r.out}`);
  const out = JSON.parse(r.stdout);
  return harness === 'cursor' ? out.additional_context : out.hookSpecificOutput?.additionalContext;
}

export const EVENTS: Record<HarnessName, { pre: string; post: string; start: string; stop: string; end?: string }> = {
  claude: { pre: 'PreToolUse', post: 'PostToolUse', start: 'SessionStart', stop: 'Stop', end: 'SessionEnd' },
  codex: { pre: 'PreToolUse', post: 'PostToolUse', start: 'SessionStart', stop: 'Stop' },
  gemini: { pre: 'BeforeTool', post: 'AfterTool', start: 'SessionStart', stop: 'AfterAgent', end: 'SessionEnd' },
  cursor: { pre: 'preToolUse', post: 'afterFileEdit', start: 'sessionStart', stop: 'stop', end: 'sessionEnd' },
};

/** Each harness's fixture and tool for "write this file" before the edit. */
export const WRITE_FIXTURE: Record<HarnessName, { fixture: string; tool: string; patch?: boolean }> = {
  claude: { fixture: 'pre-tool-use.write', tool: 'Write' },
  codex: { fixture: 'pre-tool-use.apply-patch', tool: 'apply_patch', patch: true },
  gemini: { fixture: 'before-tool.write-file', tool: 'write_file' },
  cursor: { fixture: 'pre-tool-use.write', tool: 'Write' },
};

/** The pre-tool call that writes `file`, in the harness's own terms. */
export function preWrite(
  repo: TempRepo,
  harness: HarnessName,
  file: string,
  env: NodeJS.ProcessEnv,
  session = 'session-1',
): Run {
  const w = WRITE_FIXTURE[harness];
  const vars: Vars = w.patch
    ? { patch: `*** Begin Patch\n*** Update File: ${file}\n@@\n-a\n+b\n*** End Patch\n`, session }
    : { file, session };
  return hook(repo, harness, EVENTS[harness].pre, w.fixture, vars, env, w.tool);
}
