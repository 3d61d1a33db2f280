// The top directories of every worktree of a repository, read from the common git dir
// without spawning git: each linked worktree has `<common>/worktrees/<id>/gitdir` naming
// its `.git` file. (`git worktree list` would cost a process on every commit.)
import fs from 'node:fs';
import path from 'node:path';

export function worktreeTops(commonDir: string, bare: boolean): string[] {
  const tops: string[] = [];
  if (!bare && path.basename(commonDir) === '.git') tops.push(path.dirname(commonDir));
  let ids: string[] = [];
  try {
    ids = fs.readdirSync(path.join(commonDir, 'worktrees'));
  } catch {
    return tops;
  }
  for (const id of ids) {
    try {
      const gitFile = fs.readFileSync(path.join(commonDir, 'worktrees', id, 'gitdir'), 'utf8').trim();
      const top = path.dirname(path.resolve(commonDir, 'worktrees', id, gitFile));
      if (fs.existsSync(top)) tops.push(top);
    } catch {
      // a worktree being created or pruned: nothing to read
    }
  }
  return tops;
}

/**
 * Every worktree's top but the one at `top`: whose status files loadStatus reads besides
 * its own, and whose stats the edit index is keyed by (src/agent/editIndex.ts).
 */
export function otherWorktreeTops(top: string, commonDir: string, bare: boolean): string[] {
  const tops = worktreeTops(commonDir, bare);
  if (tops.length === 1 && tops[0] === top) return [];
  const here = safeReal(top);
  return tops.filter((other) => safeReal(other) !== here);
}

function safeReal(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
