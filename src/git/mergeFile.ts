// git's own line merge of three texts: `git merge-file -p` prints the merge and exits with the
// number of conflict hunks it left (capped at 127); anything above that is a failure.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './runGit.js';

export interface MergeFileOptions {
  /** Where git runs: its config (merge.conflictStyle) applies as in any merge there. */
  cwd: string;
  /** Conflict marker labels: ours, base, theirs. */
  labels?: [string, string, string];
  markerSize?: number;
}

export async function mergeFile(
  base: string,
  ours: string,
  theirs: string,
  options: MergeFileOptions,
): Promise<{ text: string; conflicts: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'orch-merge-'));
  try {
    const files = { ours: join(dir, 'ours'), base: join(dir, 'base'), theirs: join(dir, 'theirs') };
    await Promise.all([writeFile(files.base, base), writeFile(files.ours, ours), writeFile(files.theirs, theirs)]);
    const [lo, lb, lt] = options.labels ?? ['ours', 'base', 'theirs'];
    const args = ['merge-file', '-p', '-L', lo, '-L', lb, '-L', lt];
    if (options.markerSize) args.push(`--marker-size=${options.markerSize}`);
    args.push(files.ours, files.base, files.theirs);
    const okCodes = Array.from({ length: 127 }, (_, i) => i + 1);
    const r = await runGit(args, { cwd: options.cwd, env: 'inherit', okCodes });
    return { text: r.stdout, conflicts: r.code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
