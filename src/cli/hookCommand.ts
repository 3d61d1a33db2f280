// `orch hook <name>`: what the installed shims call, with git's arguments and stdin.
import { OrchError } from '../errors.js';
import { checkStaged } from '../engine/checkStaged.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { msg } from './messages.js';

const HOOKS = ['pre-commit', 'commit-msg', 'post-commit', 'pre-push', 'pre-receive'] as const;

export async function run(args: string[], io: IO): Promise<number> {
  const [name, ...gitArgs] = args;
  if (!name || !(HOOKS as readonly string[]).includes(name)) {
    throw new OrchError(`orch hook: expected one of ${HOOKS.join(', ')}${name ? `, got "${name}"` : ''}.`);
  }
  switch (name) {
    case 'pre-commit':
      return preCommit(io);
    case 'commit-msg': {
      if (!gitArgs[0]) throw new OrchError('orch hook commit-msg: git passes the message file as the first argument.');
      const { commitMsg } = await import('../engine/commitMsg.js');
      await commitMsg(io.cwd, gitArgs[0]);
      return 0;
    }
    case 'post-commit': {
      const { postCommit } = await import('../engine/postCommit.js');
      await postCommit(io.cwd);
      return 0;
    }
    default:
      throw new OrchError(`orch hook ${name} is not available in this version of orch.`);
  }
}

async function preCommit(io: IO): Promise<number> {
  const { report, prepared, changes } = await checkStaged({ cwd: io.cwd, env: io.env, context: 'pre-commit' });
  if (prepared.skip.all) io.stderr.write(msg.skippedAll + '\n');
  const code = prepared.skip.all ? 0 : await emitReport(report, io);
  if (code !== 0) return code;
  const { recordCommit } = await import('../engine/recordCommit.js');
  await recordCommit(prepared, changes, io.env);
  return 0;
}
