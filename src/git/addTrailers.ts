// Adds trailers to a commit message file with git's own trailer rules (where the block
// goes, which lines already are trailers), each one only when the same line is not there.
import { runGit, type GitOptions } from './runGit.js';

export async function addTrailers(file: string, trailers: string[], git: GitOptions): Promise<void> {
  await runGit(
    [
      'interpret-trailers',
      '--in-place',
      '--if-exists',
      'addIfDifferent',
      ...trailers.flatMap((t) => ['--trailer', t]),
      file,
    ],
    git,
  );
}
