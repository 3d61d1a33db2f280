import { syncLocks } from '../tasks/syncLocks.js';
import { OrchError } from '../errors.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('sync', args, { ...AGENT_FLAG, ...FORMAT_FLAG });
  if (positionals.length)
    throw new OrchError(`orch sync: unexpected argument ${positionals[0]}.`, { hint: 'See `orch sync --help`.' });
  const r = await syncLocks({ cwd: io.cwd, env: io.env, agentFlag: values.agent });
  const ok = r.rejected.length === 0;
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    io.stdout.write(
      JSON.stringify({
        ok,
        lockBranch: r.label,
        commit: r.commit,
        locks: r.locks,
        published: r.published,
        rejected: r.rejected,
      }) + '\n',
    );
    return ok ? 0 : 1;
  }
  for (const op of r.published) {
    io.stdout.write(`Published the offline ${op.op} of ${op.paths.join(', ')} (${op.agent}) to ${r.label}.\n`);
  }
  if (r.rejected.length) {
    await emitReport(
      {
        ok: false,
        context: 'check',
        agent: null,
        findings: r.rejected.flatMap(({ op, findings }) =>
          findings.map((f) => ({
            ...f,
            message: `the offline lock of ${op.paths.join(', ')} (${op.agent}) was not published: ${f.message}`,
          })),
        ),
        notes: [
          'offline locks that conflict are dropped from the local table; take them again once the holder releases them.',
        ],
      },
      io,
      values.format,
    );
  }
  io.stdout.write(
    `${r.label}: ${r.commit ? `at ${r.commit.slice(0, 12)}, ${r.locks} lock${r.locks === 1 ? '' : 's'}` : 'does not exist yet (the first lock creates it)'}; the lock table of WORK_STATUS.md shows it.\n`,
  );
  return ok ? 0 : 1;
}
