import { diagnose } from '../setup/diagnose.js';
import { loadConfig } from '../config/loadConfig.js';
import { openRepo } from '../git/openRepo.js';
import { rosterDiagnosis, rosterView } from '../roster/describeRoster.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values } = parseFlags('doctor', args, { ...AGENT_FLAG, ...FORMAT_FLAG });
  const results = await diagnose({ cwd: io.cwd, env: io.env, agentFlag: values.agent });
  results.push(await rosterCheck(io.cwd));
  const failed = results.some((r) => r.level === 'fail');
  if ((values.format ?? io.env.ORCH_FORMAT) === 'json') {
    io.stdout.write(JSON.stringify({ ok: !failed, checks: results }) + '\n');
  } else {
    const mark = { ok: '✔', warn: '⚠', fail: '✖' } as const;
    for (const r of results) {
      io.stdout.write(`${mark[r.level]} ${r.topic}: ${r.message}\n`);
      if (r.fix && r.level !== 'ok') io.stdout.write(`    → ${r.fix}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** The roster and where it came from; a broken configuration is reported by diagnose already. */
async function rosterCheck(
  cwd: string,
): Promise<{ level: 'ok' | 'warn'; topic: string; message: string; fix?: string }> {
  try {
    const repo = await openRepo(cwd);
    const { config } = await loadConfig(repo.top);
    return rosterDiagnosis(await rosterView(repo, config));
  } catch {
    return {
      level: 'warn',
      topic: 'roster',
      message: 'not read: the repository or its configuration could not be loaded',
    };
  }
}
