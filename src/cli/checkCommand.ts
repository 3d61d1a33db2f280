import { OrchError } from '../errors.js';
import { checkFiles } from '../engine/checkFiles.js';
import { checkStaged } from '../engine/checkStaged.js';
import { checkRange } from '../engine/checkRange.js';
import { emitReport } from './emitReport.js';
import { openRepo } from '../engine/openRepo.js';
import { runGit } from '../git/runGit.js';
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
    if (positionals.length) throw new OrchError(`orch check: unexpected argument ${positionals[0]}; --range takes one A..B.`);
    if (values.agent !== undefined) {
      throw new OrchError('orch check: --agent does not apply to --range: each commit is judged as the agent its Agent: trailer or author email names.');
    }
    await resolveRange(values.range, io.cwd);
    const { report } = await checkRange({ cwd: io.cwd, env: io.env, context: 'check', range: values.range });
    return emitReport(report, io, values.format);
  }
  if (values.files) {
    if (positionals.length === 0) return 0; // lint-staged with nothing matched
    const { report } = await checkFiles({ ...base, files: positionals });
    return emitReport(report, io, values.format);
  }
  if (positionals.length) throw new OrchError(`orch check: unexpected argument ${positionals[0]}; did you mean --files?`);
  const { report } = await checkStaged({ ...base, context: 'check' });
  return emitReport(report, io, values.format);
}

/** Each side of --range A..B must name a commit: the message says which side, of which option. */
async function resolveRange(range: string, cwd: string): Promise<void> {
  const m = /^(.*?)\.\.\.?(.*)$/s.exec(range);
  if (!m) throw new OrchError(`orch check --range ${JSON.stringify(range)}: expected A..B (two revisions).`, { hint: 'For example: orch check --range origin/main..HEAD' });
  const repo = await openRepo(cwd);
  for (const [side, rev] of [['A', m[1]], ['B', m[2]]] as const) {
    if (rev === '') continue; // git reads an empty side as HEAD
    const r = await runGit(['rev-parse', '-q', '--verify', '--end-of-options', `${rev}^{commit}`], { ...repo.git, okCodes: [1, 128] });
    if (r.code !== 0) {
      throw new OrchError(`orch check --range ${range}: ${JSON.stringify(rev)} (the ${side} side) is not a commit in this repository.`, {
        hint: `Check the --range value (a branch, tag or commit id). A commit that exists only on a remote needs git fetch first.`,
      });
    }
  }
}
