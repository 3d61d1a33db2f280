// The repository around a directory, found by reading the file system the way git does
// (a `.git` directory, or a `.git` file naming a worktree's git directory, whose
// `commondir` names the shared one) — no git process. For the post-edit record, which
// runs after every edit and needs only where the common git directory is.
import fs from 'node:fs';
import path from 'node:path';

export interface GitDirs {
  top: string;
  gitDir: string;
  commonDir: string;
}

export function locateGitDir(start: string): GitDirs | null {
  let dir = path.resolve(start);
  for (;;) {
    const dotGit = path.join(dir, '.git');
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(dotGit);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) return { top: dir, gitDir: dotGit, commonDir: dotGit };
    if (st?.isFile()) {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(safeRead(dotGit) ?? '');
      if (!m) return null;
      const gitDir = path.resolve(dir, m[1]);
      const common = safeRead(path.join(gitDir, 'commondir'))?.trim();
      return { top: dir, gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function safeRead(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
