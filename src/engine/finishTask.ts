// `orch done <task>`: release the agent's locks for the task and log its completion. The
// commit that carries this must also update orchestration-index.md (rule task-completion).
import { OrchError } from '../errors.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import { appendLog } from '../status/appendLog.js';
import { removeLocks } from '../status/removeLocks.js';
import type { Lock } from '../types.js';
import { formatDoneEntry } from './doneEntry.js';
import { prepareCheck, type CheckEnv } from './prepareCheck.js';
import { sameAgent } from './resolveIdentity.js';
import { updateStatus } from './updateStatus.js';

export interface DoneResult {
  agent: string;
  task: string;
  released: Lock[];
  indexFile: string;
}

export async function finishTask(req: CheckEnv & { task: string }): Promise<DoneResult> {
  const task = req.task.trim();
  if (!task || /\s/.test(task)) throw new OrchError('orch done: give one task id, e.g. `orch done T-12`.');
  const prepared = await prepareCheck(req);
  const { repo, config, identity, now } = prepared;
  if (!identity.name) throw new OrchError('no identity: set ORCH_AGENT or pass --agent NAME.');
  const agent = identity.name;
  return updateStatus(repo, config, (current) => {
    const { text, removed } = removeLocks(current.ownText ?? '', (l) => sameAgent(l.agent, agent) && l.task === task);
    const entry = formatDoneEntry({ at: formatStatusTime(now), agent, task, paths: removed.map((l) => l.path) });
    return { text: appendLog(text, [entry]), result: { agent, task, released: removed, indexFile: config.indexFile } };
  });
}
