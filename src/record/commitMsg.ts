// commit-msg, for hook managers that call `orch hook commit-msg` (the shims orch installs
// do the same in sh): add the trailers pre-commit recorded, with git's trailer rules.
import fs from 'node:fs';
import path from 'node:path';
import { addTrailers } from '../git/addTrailers.js';
import { cleanupModeOf, commitMessageIsEmpty } from './commitMessageIsEmpty.js';
import { openRepo } from '../git/openRepo.js';
import { orchStateDir, trailersFile } from './recordState.js';

export function leaveMessageAlone(message: string): boolean {
  const first = message.split('\n', 1)[0];
  return /^(Merge |fixup! |squash! |amend! )/.test(first);
}

export async function commitMsg(cwd: string, messageFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const repo = await openRepo(cwd);
  const info = path.join(orchStateDir(repo.gitDir), trailersFile(env));
  let lines: string[];
  try {
    lines = fs.readFileSync(info, 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  const file = path.resolve(cwd, messageFile);
  const message = fs.readFileSync(file, 'utf8');
  const commentChar = repo.configValue('core.commentchar');
  const empty = commitMessageIsEmpty(
    message,
    cleanupModeOf(repo.configValue('commit.cleanup'), env),
    !commentChar || commentChar === 'auto' ? '#' : commentChar,
  );
  if (!empty && !leaveMessageAlone(message) && !fs.existsSync(path.join(repo.gitDir, 'MERGE_HEAD')) && lines.length) {
    await addTrailers(file, lines, repo.git);
  }
  fs.rmSync(info, { force: true });
}
