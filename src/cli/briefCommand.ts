// `orch brief [--harness NAME] [--limit N]`: what an agent must know at session start.
// Plain text on stdout; with --harness, the harness's SessionStart answer (its payload
// on stdin names the working directory), so the brief becomes the session's first context.
import { OrchError } from '../errors.js';
import { brief } from '../agent/brief.js';
import { contextAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { parseHookPayload } from '../integrations/parseGuardInput.js';
import { harnessFlag } from './guardCommand.js';
import type { IO } from './io.js';
import { AGENT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('brief', args, {
    ...AGENT_FLAG,
    harness: { type: 'string' },
    limit: { type: 'string' },
  });
  if (positionals.length)
    throw new OrchError(`orch brief: unexpected argument ${positionals[0]}.`, { hint: 'See `orch brief --help`.' });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new OrchError(`orch brief: --limit ${values.limit} is not a positive whole number.`);
  const harness = harnessFlag('brief', values.harness);
  let cwd = io.cwd;
  if (harness) {
    const text = await io.readStdin();
    if (text.trim()) cwd = parseHookPayload(text, harness).cwd ?? cwd;
  }
  const out = await brief({ cwd, env: io.env, agentFlag: values.agent, limit });
  return writeAnswer(io, contextAnswer(harness ?? null, out));
}
