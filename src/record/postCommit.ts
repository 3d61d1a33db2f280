// After `git commit -- path`: git wrote the real index from its own copy, which lacks the
// Log entry pre-commit put into the commit. Carry it over, keeping any other staged edits
// of the status file.
import fs from 'node:fs';
import path from 'node:path';
import { blobText } from '../git/blobReader.js';
import { indexEntryQuery } from '../git/indexEntryQuery.js';
import { ask } from '../git/runGit.js';
import { writeIndexEntry } from '../git/writeIndexEntry.js';
import { loadConfig } from '../config/loadConfig.js';
import { appendLog } from '../status/appendLog.js';
import { addReview } from '../status/addReview.js';
import type { Review } from '../types.js';
import { openRepo } from '../git/openRepo.js';
import { orchStateDir } from './recordState.js';

export async function postCommit(cwd: string): Promise<void> {
  const repo = await openRepo(cwd);
  const marker = path.join(orchStateDir(repo.gitDir), 'post-commit');
  let state: { base: string | null; sha: string; entry: string | null; reviews: Review[] };
  try {
    state = JSON.parse(fs.readFileSync(marker, 'utf8'));
  } catch {
    return;
  }
  fs.rmSync(marker, { force: true });
  const { config } = await loadConfig(repo.top);
  const current = await ask(indexEntryQuery(config.statusFile), repo.git);
  if (!current || current.sha === state.sha) return;
  if (current.sha === state.base) {
    await writeIndexEntry(config.statusFile, blobText(await repo.blobs(state.sha)) ?? '', current.mode, repo.git);
    return;
  }
  let text = blobText(await repo.blobs(current.sha)) ?? '';
  if (state.entry && !text.includes(state.entry)) text = appendLog(text, [state.entry]);
  for (const r of state.reviews) if (!text.includes(r.path)) text = addReview(text, r);
  await writeIndexEntry(config.statusFile, text, current.mode, repo.git);
}
