// Writes to the repository's own git config (.git/config), never the user's or the system's.
import { runGit, type GitOptions } from './runGit.js';

/** Sets `key` to `value`, replacing what it held. */
export async function setLocalConfig(key: string, value: string, git: GitOptions): Promise<void> {
  await runGit(['config', '--local', key, value], git);
}

/** Adds one more value to a multi-valued key (a remote's fetch refspecs). */
export async function addLocalConfig(key: string, value: string, git: GitOptions): Promise<void> {
  await runGit(['config', '--local', '--add', key, value], git);
}
