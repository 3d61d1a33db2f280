// `orch guard [--path P]`: exit codes follow the harnesses (Claude Code, Gemini CLI), not
// orch's other commands: 0 lets the edit happen, with nothing on stdout; 2 blocks it, with
// the reason on stderr, which the harness feeds back to the model. When the guard itself
// cannot check (unreadable input, a broken configuration) it says so on stderr and exits
// 1, which those harnesses show to the user without blocking: a guard that blocked every
// edit could not even let an agent fix the configuration, and the commit hook still checks.
import { OrchError, isOrchError } from '../errors.js';
import { guard, guardMessage, type GuardResult } from '../engine/guard.js';
import { parseGuardInput } from '../integrations/parseGuardInput.js';
import type { IO } from './io.js';
import { AGENT_FLAG, parseFlags } from './parseFlags.js';

export const GUARD_BLOCK = 2;
export const GUARD_ERROR = 1;

export async function run(args: string[], io: IO): Promise<number> {
  try {
    return await check(args, io);
  } catch (e) {
    const what = isOrchError(e) ? e.message.replace(/^orch( guard)?: /, '') : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr.write(`orch guard: could not check this edit: ${what}\n`);
    if (isOrchError(e) && e.hint) io.stderr.write(`  ${e.hint}\n`);
    if (io.env.ORCH_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    return GUARD_ERROR;
  }
}

async function check(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('guard', args, { ...AGENT_FLAG, path: { type: 'string', multiple: true } });
  const given = (values.path as unknown as string[] | undefined) ?? [];
  if (positionals.length) throw new OrchError(`unexpected argument ${positionals[0]}.`, { hint: 'Give the file with --path <file>, or pass the hook JSON on stdin.' });
  let cwd = io.cwd;
  let paths: string[];
  if (given.length) {
    paths = given;
  } else {
    const input = parseGuardInput(await io.readStdin());
    if (!input.path) return 0; // not an edit
    paths = [input.path];
    if (input.cwd) cwd = input.cwd;
  }
  let code = 0;
  for (const p of paths) {
    const result: GuardResult = await guard({ cwd, env: io.env, agentFlag: values.agent, path: p });
    if (result.decision === 'block') {
      io.stderr.write(guardMessage(result));
      code = GUARD_BLOCK;
    } else if (result.locked) {
      // stderr: harnesses read stdout on success as JSON (Gemini CLI requires it to be)
      io.stderr.write(`orch: locked ${result.locked.path} for ${result.agent} (task ${result.locked.task}); \`orch done ${result.locked.task}\` releases it.\n`);
    }
  }
  return code;
}
