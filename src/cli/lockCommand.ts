import { lockPaths } from '../tasks/lockPaths.js';
import { buildReport } from '../report/buildReport.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { msg } from './messages.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('lock', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    task: { type: 'string' },
    ttl: { type: 'string' },
    note: { type: 'string' },
    offline: { type: 'boolean' },
  });
  const result = await lockPaths({
    cwd: io.cwd,
    env: io.env,
    agentFlag: values.agent,
    paths: positionals,
    task: values.task,
    ttl: values.ttl,
    note: values.note,
    offline: values.offline,
  });
  const json = (values.format ?? io.env.ORCH_FORMAT) === 'json';
  if (result.conflicts.length) {
    return emitReport(
      buildReport({ context: 'check', agent: result.agent, findings: result.conflicts }),
      io,
      values.format,
    );
  }
  if (json) {
    io.stdout.write(
      JSON.stringify({
        ok: true,
        agent: result.agent,
        locked: result.locked,
        already: result.already,
        findings: [],
        ...(result.remote ? { remote: result.remote } : {}),
      }) + '\n',
    );
    return 0;
  }
  for (const l of result.locked) {
    const extra = [l.task && `task ${l.task}`, l.expires && `until ${l.expires}`].filter(Boolean).join(', ');
    io.stdout.write(msg.locked(l.path, result.agent, extra ? ` (${extra})` : '') + '\n');
  }
  for (const p of result.already) io.stdout.write(msg.alreadyLocked(p, result.agent) + '\n');
  if (result.remote && result.locked.length) io.stdout.write(msg.remoteOutcome(result.remote) + '\n');
  else if (result.locked.length) io.stdout.write(msg.commitStatus + '\n');
  return 0;
}
