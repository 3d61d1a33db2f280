// The smallest bundle (dist/edit-fast.cjs), tried first by bin/orch.js for `orch guard`
// and `orch post-edit`: the answer for the commonest edit — one an agent named by --agent
// or ORCH_AGENT makes to a path that no lock, contract or configuration file can bind,
// according to the edit index (src/agent/editIndex.ts) — and the post-edit record. It
// reads neither the status file nor the configuration. Whatever it is not sure of
// returns null: standard input is left in globalThis.__orchStdin, and the quick check
// (editHookEntry.ts), then the full command, answer.
import fs from 'node:fs';
import { mayBind, readEditIndex } from '../agent/editIndex.js';
import { judgedPaths } from '../agent/judgedPaths.js';
import { recordEdit } from '../agent/recordEdit.js';
import { locateGitDir } from '../git/locateGitDir.js';
import { normaliseName } from '../identity/sameAgent.js';
import { allowAnswer, writeAnswer } from '../integrations/harnessAnswer.js';
import { parseHookPayload } from '../integrations/parseGuardInput.js';
import { editHookArgs } from './editHookArgs.js';
import { mayWrite } from '../integrations/shellWriterHint.js';

declare global {
  // eslint-disable-next-line no-var
  var __orchStdin: string | undefined;
  // eslint-disable-next-line no-var
  var __orchStdinHead: Buffer | undefined;
}

export async function runFastest(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  if (command !== 'guard' && command !== 'post-edit') return null;
  const args = editHookArgs(rest);
  if (!args) return null;
  const { harness, agentFlag } = args;
  const text = readPiped();
  if (text === null) return null;
  globalThis.__orchStdin = text;
  try {
    const input = parseHookPayload(text, harness);
    const edit = input.edit;
    // as editHookEntry.ts: a shell command that names no writer writes nothing orch judges
    if (edit.kind === 'shell' && !mayWrite(edit.command))
      return writeAnswer(process, allowAnswer(input.harness, input.event));
    if (edit.kind !== 'paths' || !edit.paths.length) return null;
    const cwd = input.cwd ?? process.cwd();
    const agent = agentFlag ?? process.env.ORCH_AGENT;
    if (!agent?.trim()) return null;
    if (command === 'post-edit') {
      if (input.phase !== 'post' && input.phase !== null) return null;
      await recordEdit({ cwd, env: process.env, agentFlag, paths: edit.paths, sessionId: input.sessionId });
      return writeAnswer(process, allowAnswer(input.harness, null));
    }
    if (input.phase !== 'pre' || process.env.ORCH_SKIP?.trim()) return null;
    // a name the identity check could refuse (resolveIdentity.ts) is the full check's to report
    if (!agent.trim().replace(/^@+/, '').trim() || /[^\x20-\x7e]|\|/.test(agent)) return null;
    const dirs = locateGitDir(cwd);
    if (!dirs) return null;
    const index = readEditIndex(dirs.top, dirs.commonDir);
    if (!index) return null;
    // the name as resolveIdentity gives it, compared as sameAgent does
    const me = normaliseName(agent).toLowerCase();
    for (const p of edit.paths) {
      const rels = judgedPaths(p, cwd, dirs.top);
      if (!rels.length || rels.some((rel) => mayBind(index, rel, me))) return null;
    }
    return writeAnswer(process, allowAnswer(input.harness, input.event));
  } catch {
    return null; // outside the repository, unreadable input: the others say so properly
  }
}

/**
 * Standard input read synchronously: a harness pipes a small JSON document and closes it,
 * through a pipe or (Node.js harnesses) a socket, which a child gets blocking. A read
 * that fails (a non-blocking descriptor with nothing yet) gives null, and what was read
 * before it is left in globalThis.__orchStdinHead for the next tier to continue from.
 */
function readPiped(): string | null {
  let st: fs.Stats;
  try {
    st = fs.fstatSync(0);
  } catch {
    return null;
  }
  if (!st.isFIFO() && !st.isFile() && !st.isSocket()) return null;
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch {
      if (chunks.length) globalThis.__orchStdinHead = Buffer.concat(chunks);
      return null;
    }
    if (n === 0) return Buffer.concat(chunks).toString('utf8');
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
}
