// What the record step keeps in the git directory between the hooks of one commit: the
// trailers for commit-msg, what pre-commit staged (so an aborted attempt's entry goes), and
// for a pathspec commit the note post-commit carries over.
import fs from 'node:fs';
import path from 'node:path';

export function orchStateDir(gitDir: string): string {
  return path.join(gitDir, 'orch');
}

/**
 * Where pre-commit leaves the trailers for commit-msg: named by the agent in the
 * environment both hooks of one commit share, so two agents committing in one working
 * directory at the same time do not take each other's (the hook shim's sh computes the
 * same name). Without a plain ORCH_AGENT, one file for all.
 */
export function trailersFile(env: NodeJS.ProcessEnv): string {
  const agent = env.ORCH_AGENT ?? '';
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(agent) ? `trailers.${agent}` : 'trailers';
}

/**
 * What pre-commit recorded last (per agent, as the trailers): the Log entry it staged, the
 * HEAD it staged it on and the staged status blob it left. HEAD still there means that
 * commit never happened; the same blob still staged means nobody staged over it since.
 */
export function recordedFile(env: NodeJS.ProcessEnv): string {
  return trailersFile(env).replace(/^trailers/, 'recorded');
}

export function lastRecord(
  gitDir: string,
  env: NodeJS.ProcessEnv,
  head: string,
): { entry: string; sha: string | null } | undefined {
  let last: { head?: unknown; entry?: unknown; sha?: unknown };
  try {
    last = JSON.parse(fs.readFileSync(path.join(orchStateDir(gitDir), recordedFile(env)), 'utf8'));
  } catch {
    return undefined;
  }
  if (last.head !== head || typeof last.entry !== 'string' || !last.entry) return undefined;
  return { entry: last.entry, sha: typeof last.sha === 'string' ? last.sha : null };
}

export function writeState(gitDir: string, name: string, content: string): void {
  const dir = orchStateDir(gitDir);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${name}.${process.pid}`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, path.join(dir, name));
}

/**
 * `git commit -- path` commits from a temporary index (next-index-*.lock) and writes the
 * real index separately; `commit -a` and a plain commit use the real index (index.lock).
 */
export function usesTemporaryIndex(env: NodeJS.ProcessEnv): boolean {
  return /(^|[\\/])next-index-[^\\/]*$/.test(env.GIT_INDEX_FILE ?? '');
}
