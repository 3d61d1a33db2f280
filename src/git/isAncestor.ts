// Whether commit `a` is an ancestor of `b` (or `b` itself): git answers by its exit code,
// 0 yes, 1 no; 128 when one of them is not a commit here, which is a "no" as well.
import type { GitOptions } from './runGit.js';
import { runGit } from './runGit.js';

export async function isAncestor(a: string, b: string, git: GitOptions): Promise<boolean> {
  const r = await runGit(['merge-base', '--is-ancestor', a, b], { ...git, okCodes: [1, 128] });
  return r.code === 0;
}
