// `orch post-edit [--harness NAME]`: the post-tool hook (PostToolUse, AfterTool,
// afterFileEdit): records which agent changed which paths (rule foreign-edit reads it).
// It never blocks: the edit has happened. A failure is reported on stderr with exit 1,
// which harnesses show without interrupting the agent.
import { isOrchError } from '../errors.js';
import { recordEdit } from '../agent/recordEdit.js';
import { editTargets } from '../integrations/editTargets.js';
import { allowAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { parseHookPayload } from '../integrations/parseGuardInput.js';
import { harnessFlag } from './guardCommand.js';
import type { IO } from './io.js';
import { AGENT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  try {
    const { values } = parseFlags('post-edit', args, { ...AGENT_FLAG, harness: { type: 'string' } });
    const input = parseHookPayload(await io.readStdin(), harnessFlag('post-edit', values.harness));
    const cwd = input.cwd ?? io.cwd;
    if (input.phase === 'post' || input.phase === null) {
      const { paths } = await editTargets(input.edit, cwd);
      if (paths.length)
        await recordEdit({ cwd, env: io.env, agentFlag: values.agent, paths, sessionId: input.sessionId });
    }
    return writeAnswer(io, allowAnswer(input.harness, null));
  } catch (e) {
    const what = isOrchError(e)
      ? e.message.replace(/^orch( post-edit)?: /, '')
      : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr.write(`orch post-edit: could not record this edit: ${what}\n`);
    if (io.env.ORCH_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    return 1;
  }
}
