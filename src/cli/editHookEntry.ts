// The hooks a harness runs around every edit — `orch guard` and `orch post-edit` — start
// here, in a bundle of their own (dist/edit-hook.cjs) that holds only what the common case
// needs: no CLI, no git process, no configuration validator. bin/orch.js runs it first;
// when it cannot answer (an unusual configuration, a shell command to parse, a lock to
// take or renew, no agent name in the environment) it returns null, leaves standard input
// for the CLI, and the full command runs.
import fs from 'node:fs';
import { guardMessage } from '../agent/guardCore.js';
import { quickGuard } from '../agent/quickGuard.js';
import { recordEdit } from '../agent/recordEdit.js';
import { applyPatchPaths } from '../integrations/applyPatchPaths.js';
import { mayWrite } from '../integrations/shellWriterHint.js';
import { allowAnswer, denyAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { parseHookPayload } from '../integrations/parseGuardInput.js';
import { editHookArgs } from './editHookArgs.js';
import { saveGlobCache } from '../match/globMatcher.js';
import { saveStatusCache } from '../status/statusParseCache.js';

declare global {
  // eslint-disable-next-line no-var
  var __orchStdin: string | undefined;
  // eslint-disable-next-line no-var
  var __orchStdinHead: Buffer | undefined;
}

export async function runFast(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  const args = editHookArgs(rest);
  if (!args) return null;
  const { harness, agentFlag } = args;
  const text = await readAll();
  globalThis.__orchStdin = text;
  try {
    const input = parseHookPayload(text, harness);
    const cwd = input.cwd ?? process.cwd();
    const edit = input.edit;
    // a shell command that names no writer writes nothing orch judges; one that does needs
    // the parser, which the full command loads
    if (edit.kind === 'shell' && !mayWrite(edit.command))
      return writeAnswer(process, allowAnswer(input.harness, input.event));
    const paths = edit.kind === 'paths' ? edit.paths : edit.kind === 'patch' ? applyPatchPaths(edit.text, cwd) : null;
    if (paths === null || !paths.length) return null;
    if (command === 'post-edit' && (input.phase === 'post' || input.phase === null)) {
      if (!(agentFlag ?? process.env.ORCH_AGENT)?.trim()) return null;
      await recordEdit({ cwd, env: process.env, agentFlag, paths, sessionId: input.sessionId });
      return writeAnswer(process, allowAnswer(input.harness, null));
    }
    if (command !== 'guard' || input.phase !== 'pre') return null;
    const results = await quickGuard({ cwd, env: process.env, agentFlag, paths });
    if (!results) return null;
    saveGlobCache();
    saveStatusCache();
    const blocked = results.filter((r) => r.decision === 'block');
    if (!blocked.length) return writeAnswer(process, allowAnswer(input.harness, input.event));
    const message =
      blocked
        .slice(0, 2)
        .map((r) => guardMessage(r))
        .join('') + (blocked.length > 2 ? `(${blocked.length - 2} more blocked paths)\n` : '');
    return writeAnswer(
      process,
      input.harness ? denyAnswer(input.harness, message) : { stdout: '', stderr: message, code: 2 },
    );
  } catch {
    return null; // the full command reports it properly
  }
}

/**
 * Standard input, read at once: the harness pipes a small JSON document and closes it.
 * (process.stdin would load the stream and socket machinery, a cost on every edit.)
 */
async function readAll(): Promise<string> {
  // read already by the smallest bundle (editFastEntry.ts), which could not answer
  if (globalThis.__orchStdin !== undefined) return globalThis.__orchStdin;
  // or its start, when a read of a non-blocking descriptor stopped it
  const head = globalThis.__orchStdinHead ?? Buffer.alloc(0);
  try {
    const st = fs.fstatSync(0);
    if (st.isFIFO() || st.isFile()) return Buffer.concat([head, fs.readFileSync(0)]).toString('utf8');
  } catch {
    // EAGAIN on a non-blocking pipe, or no descriptor 0: read it as a stream below
  }
  if (process.stdin.isTTY) return head.toString('utf8');
  const chunks: Buffer[] = [head];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
