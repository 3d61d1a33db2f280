// `orch hook <name>`: what the installed shims call, with git's arguments and stdin.
import { OrchError } from '../errors.js';
import { checkStaged } from '../check/checkStaged.js';
import { recordCommit } from '../record/recordCommit.js';
import { commitMsg } from '../record/commitMsg.js';
import { postCommit } from '../record/postCommit.js';
import { checkRanges } from '../range/checkRange.js';
import { parsePrePushInput, pushRanges } from '../range/parsePrePushInput.js';
import { parsePreReceiveInput, receiveRanges } from '../range/parsePreReceiveInput.js';
import { parseSkip } from '../check/parseSkip.js';
import { openRepo } from '../git/openRepo.js';
import { isZeroSha } from '../git/isZeroSha.js';
import type { Report } from '../report/report.js';
import { withFindings } from '../report/buildReport.js';
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
      await commitMsg(io.cwd, gitArgs[0], io.env);
      return 0;
    }
    case 'post-commit': {
      await postCommit(io.cwd);
      return 0;
    }
    case 'pre-push':
      return prePush(gitArgs, io);
    case 'pre-receive':
      return preReceive(io);
    default:
      throw new OrchError(`orch hook ${name} is not available in this version of orch.`);
  }
}

async function preCommit(io: IO): Promise<number> {
  const { report, prepared, changes } = await checkStaged({ cwd: io.cwd, env: io.env, context: 'pre-commit' });
  if (prepared.skip.all) io.stderr.write(msg.skippedAll + '\n');
  const code = prepared.skip.all ? 0 : await emitReport(report, io);
  if (code !== 0) return code;
  const recorded = await recordCommit(prepared, changes, io.env);
  for (const r of recorded.reviews)
    io.stderr.write(msg.reviewRequested(r.path, r.reviewer, prepared.config.statusFile) + '\n');
  return 0;
}

/** pre-push <remote> <url>: every commit of every pushed ref that the remote lacks. */
async function prePush(gitArgs: string[], io: IO): Promise<number> {
  if (parseSkip(io.env.ORCH_SKIP).all) {
    io.stderr.write('orch: ORCH_SKIP=1 — push checks skipped. CI still checks these commits and reports the skip.\n');
    return 0;
  }
  const lines = parsePrePushInput(await io.readStdin());
  const requests = pushRanges(lines, gitArgs[0]);
  const report = await checkRanges({ cwd: io.cwd, env: io.env, context: 'pre-push', remote: gitArgs[0] }, requests);
  const deleted = lines.filter((l) => isZeroSha(l.localSha) && !isZeroSha(l.remoteSha)).map((l) => l.remoteRef);
  return emitReport(await withDeletions(report, io, deleted, 'pre-push', gitArgs[0]), io);
}

/** pre-receive on the server: the same checks, objects read from git's quarantine. */
async function preReceive(io: IO): Promise<number> {
  const lines = parsePreReceiveInput(await io.readStdin());
  const requests = receiveRanges(lines);
  // ORCH_SKIP on a server is set by its operator, not by the pusher: honoured, and said
  const report = await checkRanges({ cwd: io.cwd, env: io.env, context: 'pre-receive' }, requests);
  const deleted = lines.filter((l) => isZeroSha(l.newSha) && !isZeroSha(l.oldSha)).map((l) => l.ref);
  const { replaceRefFindings } = await import('../range/replaceRefFindings.js');
  const replaced = await replaceRefFindings(
    await openRepo(io.cwd),
    lines.filter((l) => !isZeroSha(l.newSha)),
    { env: io.env, context: 'pre-receive' },
  );
  const withReplaced = withFindings(report, replaced);
  return emitReport(await withDeletions(withReplaced, io, deleted, 'pre-receive'), io);
}

/** The report, with a refusal for each deletion of the lock branch (remote mode). */
async function withDeletions(
  report: Report,
  io: IO,
  deleted: string[],
  context: 'pre-push' | 'pre-receive',
  remote?: string,
): Promise<Report> {
  if (deleted.length === 0) return report;
  const { lockBranchDeletions } = await import('../range/checkLockBranch.js');
  const findings = await lockBranchDeletions(await openRepo(io.cwd), deleted, { env: io.env, context, remote });
  return withFindings(report, findings);
}
