import { reviewPaths } from '../tasks/reviewPaths.js';
import { OrchError } from '../errors.js';
import type { IO } from './io.js';
import { msg } from './messages.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('review', args, { ...AGENT_FLAG, ...FORMAT_FLAG });
  const [action, ...paths] = positionals;
  if (action !== 'request' && action !== 'approve') {
    throw new OrchError('orch review: expected `request` or `approve`, then paths.', {
      hint: 'See `orch review --help`.',
    });
  }
  const r = await reviewPaths({ cwd: io.cwd, env: io.env, agentFlag: values.agent, action, paths });
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    io.stdout.write(
      JSON.stringify({ ok: true, agent: r.agent, reviewer: r.reviewer, action, paths: r.changed }) + '\n',
    );
    return 0;
  }
  if (r.changed.length === 0) io.stdout.write('Nothing to change: the reviews are already recorded.\n');
  for (const p of r.changed) {
    io.stdout.write(
      action === 'approve' ? `Approved ${p} (${r.reviewer}).\n` : `Requested a review of ${p} from ${r.reviewer}.\n`,
    );
  }
  if (r.changed.length && !r.remote) io.stdout.write(msg.commitStatus + '\n');
  return 0;
}
