// Which of some revisions name commits this repository has: one `cat-file --batch-check`
// for all of them. Used only after a range query failed, to say which end is missing.
import { parseBatchCheck } from './parseBatchCheck.js';
import { runGit, type GitOptions } from './runGit.js';

export async function objectsExist(revs: string[], git: GitOptions): Promise<boolean[]> {
  const { stdout } = await runGit(['cat-file', '--batch-check'], {
    ...git,
    input: revs.map((r) => `${r}^{commit}\n`).join(''),
  });
  return parseBatchCheck(stdout, revs.length).map((sha) => sha !== null);
}
