// `orch session stop|end [--harness NAME]`: the harness's stop and session-end hooks.
// stop: blocks once, with the exact commands, while the agent holds locks over
// uncommitted work or over a task committed but not finished; end: releases the
// session's own auto-locks that have nothing uncommitted under them. Neither ever
// traps an agent: a failure is reported on stderr with exit 1 and the agent goes on.
import { OrchError, isOrchError } from '../errors.js';
import { checkStop, endSession } from '../agent/sessionBoundary.js';
import { allowAnswer, stopAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { parseHookPayload } from '../integrations/parseGuardInput.js';
import { harnessFlag } from './guardCommand.js';
import type { IO } from './io.js';
import { AGENT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('session', args, {
    ...AGENT_FLAG,
    harness: { type: 'string' },
    session: { type: 'string' },
  });
  const [what, ...extra] = positionals;
  if ((what !== 'stop' && what !== 'end') || extra.length) {
    throw new OrchError(
      `orch session: expected "stop" or "end"${what ? `, not "${[what, ...extra].join(' ')}"` : ''}.`,
      { hint: 'See `orch session --help`.' },
    );
  }
  const harness = harnessFlag('session', values.harness);
  try {
    const text = await io.readStdin();
    const input = text.trim() ? parseHookPayload(text, harness) : null;
    const cwd = input?.cwd ?? io.cwd;
    const sessionId = values.session ?? input?.sessionId ?? null;
    if (what === 'stop') {
      const { reason } = await checkStop({
        cwd,
        env: io.env,
        agentFlag: values.agent,
        sessionId,
        stopHookActive: input?.stopHookActive ?? false,
      });
      return writeAnswer(io, stopAnswer(harness ?? input?.harness ?? null, reason));
    }
    const { released, kept } = await endSession({ cwd, env: io.env, agentFlag: values.agent, sessionId });
    if (released.length)
      io.stderr.write(`orch: released ${released.map((l) => l.path).join(', ')} (auto-locks of this session).\n`);
    if (kept.length)
      io.stderr.write(`orch: kept ${kept.map((l) => l.path).join(', ')}: uncommitted changes under them.\n`);
    return writeAnswer(io, allowAnswer(harness ?? input?.harness ?? null, null));
  } catch (e) {
    const msg = isOrchError(e)
      ? e.message.replace(/^orch( session)?: /, '')
      : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr.write(`orch session ${what}: could not check: ${msg}\n`);
    if (io.env.ORCH_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    return 1;
  }
}
