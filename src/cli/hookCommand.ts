// `orch hook <name>`: what the installed shims call, with git's arguments and stdin.
import { OrchError } from '../errors.js';
import { checkStaged } from '../engine/checkStaged.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { msg } from './messages.js';

const HOOKS = ['pre-commit', 'commit-msg', 'pre-push', 'pre-receive'] as const;

export async function run(args: string[], io: IO): Promise<number> {
  const [name, ...gitArgs] = args;
  if (!name || !(HOOKS as readonly string[]).includes(name)) {
    throw new OrchError(`orch hook: expected one of ${HOOKS.join(', ')}${name ? `, got "${name}"` : ''}.`);
  }
  void gitArgs;
  if (name === 'pre-commit') return preCommit(io);
  throw new OrchError(`orch hook ${name} is not available in this version of orch.`);
}

async function preCommit(io: IO): Promise<number> {
  const { report, prepared, changes } = await checkStaged({ cwd: io.cwd, env: io.env, context: 'pre-commit' });
  if (prepared.skip.all) {
    io.stderr.write(msg.skippedAll + '\n');
    return 0;
  }
  void changes;
  return emitReport(report, io);
}
