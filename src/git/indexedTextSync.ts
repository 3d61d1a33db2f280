// The staged text of one file, synchronously: for the rare case where the status file is
// tracked but missing from the working tree (a sparse checkout that leaves it out), so its
// locks still bind. Costs a git process, so callers ask only when the file is missing.
import { createRequire } from 'node:module';
import { gitEnv } from './runGit.js';

/** Text of `path` in the index (the one GIT_INDEX_FILE names inside a hook); null when it has none. */
export function indexedTextSync(top: string, path: string): string | null {
  // loaded here, on this rare path, not by every process that reads the status file
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('git', ['cat-file', 'blob', `:${path}`], { cwd: top, env: gitEnv('inherit'), maxBuffer: 256 << 20 });
  if (r.error || r.status !== 0) return null;
  return r.stdout.toString('utf8');
}
