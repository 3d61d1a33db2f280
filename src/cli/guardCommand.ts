// `orch guard [--harness NAME] [--path P]`: the pre-tool check. It reads the harness's
// pre-tool payload on stdin (or the files from --path), finds what the call edits — the
// file of an edit tool, the headers of an apply_patch, the files a shell command writes —
// and answers in the form the harness honours (see harnessAnswer.ts). Without --harness:
// exit 0 lets the edit happen, with nothing on stdout; 2 blocks it, with the reason on
// stderr. When the guard itself cannot check (unreadable input, a broken configuration)
// it says so on stderr and exits 1, which harnesses show without blocking: a guard that
// blocked every edit could not even let an agent fix the configuration, and the commit
// hook still checks.
import { OrchError, isOrchError } from '../errors.js';
import { guardAll, guardMessage, type GuardResult } from '../agent/guard.js';
import { editTargets } from '../integrations/editTargets.js';
import { allowAnswer, denyAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { HARNESSES, parseHookPayload, type Harness } from '../integrations/parseGuardInput.js';
import type { IO } from './io.js';
import { AGENT_FLAG, parseFlags } from './parseFlags.js';

export const GUARD_BLOCK = 2;
export const GUARD_ERROR = 1;

export async function run(args: string[], io: IO): Promise<number> {
  try {
    return await check(args, io);
  } catch (e) {
    const what = isOrchError(e)
      ? e.message.replace(/^orch( guard)?: /, '')
      : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr.write(`orch guard: could not check this edit: ${what}\n`);
    if (isOrchError(e) && e.hint) io.stderr.write(`  ${e.hint}\n`);
    if (io.env.ORCH_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    return GUARD_ERROR;
  }
}

export function harnessFlag(command: string, value: string | undefined): Harness | undefined {
  if (value === undefined) return undefined;
  if (!(HARNESSES as readonly string[]).includes(value)) {
    throw new OrchError(`orch ${command}: --harness ${value} is not one of ${HARNESSES.join(', ')}.`);
  }
  return value as Harness;
}

async function check(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('guard', args, {
    ...AGENT_FLAG,
    path: { type: 'string', multiple: true },
    harness: { type: 'string' },
  });
  const given = (values.path as unknown as string[] | undefined) ?? [];
  if (positionals.length)
    throw new OrchError(`unexpected argument ${positionals[0]}.`, {
      hint: 'Give the file with --path <file>, or pass the hook JSON on stdin.',
    });
  const named = harnessFlag('guard', values.harness);
  let cwd = io.cwd;
  let paths: string[];
  let harness: Harness | null = named ?? null;
  let event: string | null = null;
  let sessionId: string | null = null;
  if (given.length) {
    paths = given;
  } else {
    const input = parseHookPayload(await io.readStdin(), named);
    harness = input.harness;
    event = input.event;
    sessionId = input.sessionId;
    if (input.cwd) cwd = input.cwd;
    // only what comes before a tool runs is judged here
    if (input.phase !== 'pre' && input.phase !== null) return writeAnswer(io, allowAnswer(harness, event));
    paths = (await editTargets(input.edit, cwd)).paths;
    if (!paths.length) return writeAnswer(io, allowAnswer(harness, event));
  }
  const results = await guardAll({ cwd, env: io.env, agentFlag: values.agent, paths, sessionId });
  const blocked = results.filter((r) => r.decision === 'block');
  if (blocked.length) {
    const message = blocked
      .slice(0, 2)
      .map((r) => guardMessage(r))
      .join('');
    const more = blocked.length > 2 ? `(${blocked.length - 2} more blocked paths)\n` : '';
    return writeAnswer(
      io,
      harness ? denyAnswer(harness, message + more) : { stdout: '', stderr: message + more, code: GUARD_BLOCK },
    );
  }
  for (const r of results) {
    // stderr: harnesses read stdout as JSON (Gemini CLI requires it to be)
    if (r.locked)
      io.stderr.write(
        `orch: locked ${r.locked.path} for ${r.agent} (task ${r.locked.task}); \`orch done ${r.locked.task}\` releases it.\n`,
      );
  }
  await renewLeases(results, cwd, io, values.agent);
  return writeAnswer(io, allowAnswer(harness, event));
}

/** An allowed edit under the agent's own expiring lock renews it (rate-limited). */
async function renewLeases(results: GuardResult[], cwd: string, io: IO, agentFlag: string | undefined): Promise<void> {
  const own = results.filter((r) => r.ownLock && r.agent);
  // (only leases due for renewal come back with their lock)
  if (!own.length) return;
  const { prepareCheck } = await import('../check/prepareCheck.js');
  const { renewLease } = await import('../agent/renewLease.js');
  const prepared = await prepareCheck({ cwd, env: io.env, agentFlag });
  const seen = new Set<string>();
  for (const r of own) {
    const lock = r.ownLock!;
    if (seen.has(lock.path)) continue;
    seen.add(lock.path);
    try {
      const renewed = await renewLease(prepared.repo, prepared.config, r.agent!, lock, prepared.now);
      if (renewed) io.stderr.write(`orch: renewed your lock on ${renewed.path} until ${renewed.expires}.\n`);
    } catch (e) {
      // a lease that could not be renewed now is renewed by a later edit; the edit goes ahead
      if (!isOrchError(e)) throw e;
    }
  }
}
