// Whether a path exists in a committed tree, synchronously: asked only for lock paths
// with glob characters (`app/(shop)/[id]/page.tsx`), to tell a route that exists from a
// pattern. The working tree is never asked: anyone can create a file named `src/*.js`
// there and turn a glob lock into a literal one (README: "Glob or literal").
import { runGitSync } from './runGit.js';

/** True when `rev` (HEAD by default) has `path` as a file or a directory; false without a commit. */
export function committedPathSync(top: string, path: string, rev = 'HEAD'): boolean {
  // through runGitSync like every git process, so ORCH_DEBUG=git shows it too
  return runGitSync(['cat-file', '-e', `${rev}:${path}`], { cwd: top, maxBuffer: 1 << 16 }).code === 0;
}
