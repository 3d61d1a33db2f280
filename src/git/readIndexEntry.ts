// The staged copy of one file — its blob id and text — in one `git cat-file` process
// (`:<path>` names the index's stage 0). The mode is not part of the answer: callers take it
// from the working tree's executable bit, as `git add` would.
import { blobText, parseBatchHeader } from './blobReader.js';
import { runGitBuffer, type GitOptions } from './runGit.js';

export async function readIndexEntry(path: string, git: GitOptions): Promise<{ sha: string; text: string | null } | null> {
  const { stdout } = await runGitBuffer(['cat-file', '--batch', '-z'], { ...git, input: `:${path}\0` });
  const header = parseBatchHeader(stdout);
  if (!header) return null;
  return { sha: header.sha, text: blobText(stdout.subarray(header.bodyStart, header.bodyStart + header.size)) };
}
