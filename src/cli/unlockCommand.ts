import { unlockPaths } from '../tasks/unlockPaths.js';
import type { IO } from './io.js';
import { msg } from './messages.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';
import { shellQuote } from '../shellQuote.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('unlock', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    task: { type: 'string' },
    all: { type: 'boolean' },
    steal: { type: 'boolean' },
    reason: { type: 'string' },
    offline: { type: 'boolean' },
  });
  const result = await unlockPaths({
    cwd: io.cwd,
    env: io.env,
    agentFlag: values.agent,
    paths: positionals,
    task: values.task,
    all: values.all,
    steal: values.steal,
    reason: values.reason,
    offline: values.offline,
  });
  const nothing = result.released.length === 0 && result.stolen.length === 0;
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    const done = nothing && values.all && !values.task && positionals.length === 0 && result.refused.length === 0;
    io.stdout.write(
      JSON.stringify({
        ok: !nothing || done,
        agent: result.agent,
        released: result.released,
        stolen: result.stolen,
        refused: result.refused,
        ...(result.remote ? { remote: result.remote } : {}),
      }) + '\n',
    );
    return nothing && !done ? 1 : 0;
  }
  for (const l of result.released) io.stdout.write(msg.unlocked(l.path, result.agent) + '\n');
  for (const l of result.stolen) io.stdout.write(msg.stolen(l.path, l.agent) + '\n');
  if (result.remote && !nothing) io.stdout.write(msg.remoteOutcome(result.remote) + '\n');
  for (const l of result.refused) {
    const where =
      l.source && l.source !== 'WORK_STATUS.md' && l.source.includes('/')
        ? ` (written in ${l.source}; release it from that worktree)`
        : '';
    io.stderr.write(
      where
        ? `orch: ${l.path} is locked by ${l.agent}${where}.\n`
        : `orch: ${l.path} is locked by ${l.agent}, not you. To take it over: orch unlock ${shellQuote(l.path)} --steal --reason "<why>"\n`,
    );
  }
  if (nothing) {
    // --all with nothing held has done what was asked
    if (values.all && !values.task && positionals.length === 0 && result.refused.length === 0) {
      io.stdout.write(msg.holdNothing(result.agent) + '\n');
      return 0;
    }
    if (result.refused.length === 0) io.stderr.write(msg.nothingToUnlock + '\n');
    return 1;
  }
  if (!result.remote) io.stdout.write(msg.commitStatus + '\n');
  return 0;
}
