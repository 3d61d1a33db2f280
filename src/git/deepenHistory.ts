// A shallow clone fetches more of its history from `remote`: `step` more commits, or all of
// it (--unshallow) when step is undefined. Tags are not fetched: a range check needs commits.
import type { GitOptions } from './runGit.js';
import { runGit } from './runGit.js';

export function deepenArgs(remote: string, step: number | undefined): string[] {
  return step === undefined
    ? ['fetch', '--no-tags', '--unshallow', remote]
    : ['fetch', '--no-tags', `--deepen=${step}`, remote];
}

export async function deepenHistory(remote: string, step: number | undefined, git: GitOptions): Promise<void> {
  await runGit(deepenArgs(remote, step), git);
}
