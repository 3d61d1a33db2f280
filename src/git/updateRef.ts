// Points a ref at a commit.
import { runGit, type GitOptions } from './runGit.js';

/**
 * @param options.message    the reflog's message
 * @param options.bestEffort a failure is an answer (false), not an error: for a local copy
 *   that the next fetch corrects anyway
 * @returns whether the ref was updated
 */
export async function updateRef(
  ref: string,
  commit: string,
  git: GitOptions,
  options: { message?: string; bestEffort?: boolean } = {},
): Promise<boolean> {
  const args = ['update-ref', ...(options.message ? ['-m', options.message] : []), ref, commit];
  const r = await runGit(args, { ...git, ...(options.bestEffort ? { okCodes: [1, 128] } : {}) });
  return r.code === 0;
}
