import { finishTask } from '../tasks/finishTask.js';
import { OrchError } from '../errors.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('done', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    force: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new OrchError('orch done: give exactly one task id, e.g. `orch done T-12`.');
  const r = await finishTask({
    cwd: io.cwd,
    env: io.env,
    agentFlag: values.agent,
    task: positionals[0],
    force: values.force,
  });
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    io.stdout.write(JSON.stringify({ ok: true, agent: r.agent, task: r.task, released: r.released }) + '\n');
    return 0;
  }
  io.stdout.write(
    `Task ${r.task} done: released ${r.released.length} lock(s)${r.released.length ? ` (${r.released.map((l) => l.path).join(', ')})` : ''} and logged the completion.\n`,
  );
  io.stdout.write(`Next: add a line for ${r.task} to ${r.indexFile}, then commit it together with WORK_STATUS.md.\n`);
  return 0;
}
