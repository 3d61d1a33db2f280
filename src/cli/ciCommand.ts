// `orch ci`: the real gate. Every commit of base..head, with the range taken from the
// flags or from the CI service's environment; configuration and locks from the base.
import fs from 'node:fs';
import { OrchError } from '../errors.js';
import { checkRange } from '../range/checkRange.js';
import { ciRangeFromEnv } from '../range/ciRangeFromEnv.js';
import { isZeroSha } from '../git/isZeroSha.js';
import { emitReport } from './emitReport.js';
import type { IO } from './io.js';
import { FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('ci', args, {
    ...FORMAT_FLAG,
    base: { type: 'string' },
    head: { type: 'string' },
    deepen: { type: 'boolean' },
  });
  if (positionals.length)
    throw new OrchError(`orch ci: unexpected argument ${positionals[0]}; use --base REV --head REV.`);
  const remote = io.env.ORCH_REMOTE?.trim() || 'origin';
  const fromEnv = ciRangeFromEnv(io.env, (p) => fs.readFileSync(p, 'utf8'), remote);
  if (values.base === undefined && !fromEnv) {
    throw new OrchError(
      'orch ci: cannot tell which commits to check: no --base given and no CI range found in the environment.',
      {
        hint: 'Pass --base <rev> [--head <rev>] (or set ORCH_BASE/ORCH_HEAD); GitHub Actions pull_request and push events, GitLab CI and Bitbucket Pipelines are read by themselves.',
      },
    );
  }
  const base = values.base !== undefined ? (isZeroSha(values.base) ? null : values.base) : fromEnv!.base;
  const head = values.head ?? fromEnv?.head ?? 'HEAD';
  const known = values.base !== undefined ? [`--remotes=${remote}`] : fromEnv!.known;
  const { report, commits } = await checkRange({
    cwd: io.cwd,
    env: io.env,
    context: 'ci',
    base,
    head,
    known,
    missingBase: values.base !== undefined ? 'error' : fromEnv!.missingBase,
    branch: fromEnv?.branch,
    defaultBranch: fromEnv?.defaultBranch,
    deepen: values.deepen,
    remote,
  });
  const what = values.base !== undefined || values.head !== undefined ? '--base/--head' : fromEnv!.source;
  const span = `${base ? short(base) : '(new branch)'}..${short(head)}`;
  report.notes = [
    `checked ${commits.length} commit${commits.length === 1 ? '' : 's'} of ${span} (${what}).`,
    ...(report.notes ?? []),
  ];
  return emitReport(report, io, values.format ?? defaultFormat(io.env));
}

/** In GitHub Actions annotations are what people see; elsewhere the human report. */
function defaultFormat(env: NodeJS.ProcessEnv): string | undefined {
  if (env.ORCH_FORMAT !== undefined && env.ORCH_FORMAT.trim() !== '') return undefined;
  return env.GITHUB_ACTIONS === 'true' ? 'github' : undefined;
}

function short(rev: string): string {
  return /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 12) : rev;
}
