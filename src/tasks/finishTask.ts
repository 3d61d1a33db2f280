// `orch done <task>`: release the agent's locks for the task and log its completion. The
// commit that carries this must also update orchestration-index.md (rule task-completion).
// In remote mode the locks are released on the lock branch, whose Log records the
// completion too; the local Log gets the same entry for the commit to carry.
import { OrchError } from '../errors.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import { appendLog } from '../status/appendLog.js';
import { removeLocks } from '../status/removeLocks.js';
import type { Lock } from '../types.js';
import { formatDoneEntry } from '../status/doneEntry.js';
import { prepareCheck, type CheckEnv } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { updateStatus } from '../store/updateStatus.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import type { LoadedStatus } from '../store/loadStatus.js';

export interface DoneResult {
  agent: string;
  task: string;
  released: Lock[];
  indexFile: string;
}

/** Whether a Log entry of `agent` names `task` ("- <time> <agent> <task>: …"). */
function loggedTask(text: string, agent: string, task: string): boolean {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*[-*] \\S+ @?${esc(agent)} (?:done )?${esc(task)}[:,\\s]`, 'im').test(text);
}

export async function finishTask(req: CheckEnv & { task: string; force?: boolean }): Promise<DoneResult> {
  const task = req.task.trim();
  if (!task || /\s/.test(task)) throw new OrchError('orch done: give one task id, e.g. `orch done T-12`.');
  const prepared = await prepareCheck(req);
  const { repo, config, identity, now } = prepared;
  if (!identity.name) throw new OrchError('no identity: set ORCH_AGENT or pass --agent NAME.');
  const agent = identity.name;
  const edit = (current: LoadedStatus): { text: string; result: DoneResult } => {
    const { text, removed } = removeLocks(current.ownText ?? '', (l) => sameAgent(l.agent, agent) && l.task === task);
    // no lock of yours for it and nothing of yours logged under it: most likely a wrong id
    if (removed.length === 0 && !req.force && !loggedTask(text, agent, task)) {
      throw new OrchError(
        `orch done: you (${agent}) hold no lock for task ${task}, and the Log has no entry of yours for it — nothing was changed.`,
        {
          hint: `Check the task id (orch status --mine). To log a completion anyway: orch done ${task} --force`,
          exitCode: 1,
        },
      );
    }
    const entry = formatDoneEntry({ at: formatStatusTime(now), agent, task, paths: removed.map((l) => l.path) });
    return { text: appendLog(text, [entry]), result: { agent, task, released: removed, indexFile: config.indexFile } };
  };
  if (!lockBranchTarget(config)) return updateStatus(repo, config, edit);
  const { updateLockBranch } = await import('../remote/updateLockBranch.js');
  const p = await updateLockBranch(repo, config, {
    agent,
    what: `finish ${task}`,
    edit,
    message: (r) => `done ${task}${r.released.length ? `: release ${r.released.map((l) => l.path).join(', ')}` : ''}`,
    // the entry the commit carries: the one the lock branch got, paths as released there
    local: (current, r) =>
      appendLog(current.ownText ?? '', [
        formatDoneEntry({ at: formatStatusTime(now), agent, task, paths: r.released.map((l) => l.path) }),
      ]),
  });
  return p.result;
}
