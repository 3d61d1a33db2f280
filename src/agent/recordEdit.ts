// The post-edit record (see editLog.ts): which agent changed which paths, after the edit.
// It runs after every edit an agent makes, so it starts no git process when the agent's
// name is known from --agent or ORCH_AGENT: the repository is found on disk, the content
// ids are computed here. Without them, the identity is resolved as everywhere else.
import { locateGitDir } from '../git/locateGitDir.js';
import { normaliseName } from '../identity/resolveIdentity.js';
import { appendEdits, fileBlobId, objectFormat, type EditRecord } from '../store/editLog.js';
import { judgedPaths } from './judgedPaths.js';
import { sessionTag } from './sessionLocks.js';
import path from 'node:path';

export interface RecordRequest {
  cwd: string;
  env: NodeJS.ProcessEnv;
  agentFlag?: string;
  /** Absolute, or relative to cwd. */
  paths: string[];
  sessionId: string | null;
  now?: Date;
}

export async function recordEdit(req: RecordRequest): Promise<EditRecord[]> {
  const dirs = locateGitDir(req.cwd);
  if (!dirs) return [];
  let agent =
    req.agentFlag?.trim() || req.env.ORCH_AGENT?.trim()
      ? normaliseName(req.agentFlag?.trim() || req.env.ORCH_AGENT!.trim())
      : '';
  if (!agent) {
    const { openRepo } = await import('../git/openRepo.js');
    const { loadConfig } = await import('../config/loadConfig.js');
    const { identityFor } = await import('../check/prepareCheck.js');
    const repo = await openRepo(req.cwd);
    const { config } = await loadConfig(repo.top, { cacheDir: path.join(repo.commonDir, 'orch') });
    agent = identityFor(repo, config, req).name ?? '';
  }
  if (!agent || /[\u0000-\u001f|]/.test(agent)) return [];
  const algorithm = objectFormat(dirs.commonDir);
  const at = (req.now ?? new Date()).getTime();
  const session = sessionTag(req.sessionId) ?? undefined;
  const records: EditRecord[] = [];
  for (const p of req.paths) {
    let rels: string[];
    try {
      rels = judgedPaths(p, req.cwd, dirs.top);
    } catch {
      continue; // outside the repository
    }
    for (const rel of rels) {
      records.push({
        path: rel,
        agent,
        at,
        ...(session ? { session } : {}),
        blob: fileBlobId(path.join(dirs.top, rel), algorithm),
      });
    }
  }
  appendEdits(dirs.commonDir, records);
  return records;
}
