// The staged copy of one file — its blob id and text — in one `git cat-file` process
// (`:<path>` names the index's stage 0). The mode is not part of the answer: callers take it
// from the working tree's executable bit, as `git add` would.
import { blobText } from './blobReader.js';
import { parseCatFileBatch } from './parseCatFileBatch.js';
import { runGitBuffer, type GitOptions } from './runGit.js';

export async function readIndexEntry(
  path: string,
  git: GitOptions,
): Promise<{ sha: string; text: string | null } | null> {
  const { stdout } = await runGitBuffer(['cat-file', '--batch', '-z'], { ...git, input: `:${path}\0` });
  const [object] = parseCatFileBatch(stdout, 1);
  return object && object.type === 'blob' ? { sha: object.sha, text: blobText(object.body) } : null;
}
