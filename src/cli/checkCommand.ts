import { OrchError, isOrchError } from '../errors.js';
import { checkFiles } from '../check/checkFiles.js';
import { checkStaged } from '../check/checkStaged.js';
import { checkRange } from '../range/checkRange.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('check', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    staged: { type: 'boolean' },
    files: { type: 'boolean' },
    range: { type: 'string' },
  });
  const modes = [values.staged, values.files, values.range !== undefined].filter(Boolean).length;
  if (modes > 1) throw new OrchError('orch check: choose one of --staged, --files, --range.');
  const base = { cwd: io.cwd, env: io.env, agentFlag: values.agent };
  if (values.range !== undefined) {
    if (positionals.length)
      throw new OrchError(`orch check: unexpected argument ${positionals[0]}; --range takes one A..B.`);
    if (values.agent !== undefined) {
      throw new OrchError(
        'orch check: --agent does not apply to --range: each commit is judged as the agent its Agent: trailer or author email names.',
      );
    }
    const range = values.range;
    const { report } = await checkRange({ cwd: io.cwd, env: io.env, context: 'check', range }).catch((e) => {
      throw fromRange(e, range);
    });
    return emitReport(report, io, values.format);
  }
  if (values.files) {
    if (positionals.length === 0) return 0; // lint-staged with nothing matched
    const { report } = await checkFiles({ ...base, files: positionals });
    return emitReport(report, io, values.format);
  }
  if (positionals.length)
    throw new OrchError(`orch check: unexpected argument ${positionals[0]}; did you mean --files?`);
  const { report } = await checkStaged({ ...base, context: 'check' });
  return emitReport(report, io, values.format);
}

/**
 * The range check names a side it cannot resolve as "the base"/"the head", with advice
 * about --base/--head (the options of `orch ci`): here both came from --range.
 */
function fromRange(e: unknown, range: string): unknown {
  if (!isOrchError(e) || !/ is not a commit in this repository/.test(e.message)) return e;
  return new OrchError(`orch check --range ${range}: ${e.message.replace(/^orch: /, '')}`, {
    hint: (e.hint ?? 'Check the --range value.').replace(/--(base|head)\b/g, '--range'),
    exitCode: e.exitCode,
  });
}
