import { recordDecision } from '../tasks/recordDecision.js';
import { OrchError } from '../errors.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('decide', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    context: { type: 'string' as const },
    decision: { type: 'string' as const },
    consequences: { type: 'string' as const },
  });
  if (positionals.length > 1) {
    throw new OrchError(`orch decide: expected one title, got ${positionals.length} arguments.`, {
      hint: 'Quote the title: orch decide "Orders get their own database" --context … --decision …',
    });
  }
  const r = await recordDecision({
    cwd: io.cwd,
    env: io.env,
    agentFlag: values.agent,
    title: positionals[0] ?? '',
    why: values.context,
    decision: values.decision,
    consequences: values.consequences,
  });
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    io.stdout.write(
      JSON.stringify({ ok: true, agent: r.record.agent, at: r.record.at, title: r.record.title, file: r.file }) + '\n',
    );
    return 0;
  }
  io.stdout.write(
    `Recorded the decision "${r.record.title.trim()}" in ${r.file} (${r.record.agent}, ${r.record.at}).\n`,
  );
  io.stdout.write(`Next: commit ${r.file} with the change it decides.\n`);
  return 0;
}
