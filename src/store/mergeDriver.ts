// `orch merge-driver %O %A %B %P`: git hands over three temporary files (base, ours, theirs)
// and expects the result in the %A file, with exit 0 for a clean merge and 1 for conflicts.
// The result replaces %A in one rename, so a kill at any moment leaves ours or the merge.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OrchError, isOrchError } from '../errors.js';
import { atomicWrite } from '../fs/atomicWrite.js';
import { mergeFile } from '../git/mergeFile.js';
import { mergeStatus } from '../status/mergeStatus.js';

export interface MergeDriverOptions {
  cwd: string;
  /** %O, %A, %B: the files git wrote for the base, ours (the result goes here) and theirs. */
  base: string;
  ours: string;
  theirs: string;
  /** %P: the path being merged, for messages. */
  pathname?: string;
  markerSize?: number;
  /** Where to say that the merge fell back to a plain line merge. */
  warn?: (message: string) => void;
}

export async function mergeDriver(opts: MergeDriverOptions): Promise<number> {
  const name = opts.pathname || 'WORK_STATUS.md';
  const [base, ours, theirs] = await Promise.all(
    [opts.base, opts.ours, opts.theirs].map((f) => readText(resolve(opts.cwd, f), name)),
  );
  const target = resolve(opts.cwd, opts.ours);
  if ([base, ours, theirs].some((t) => t.includes('\0'))) {
    // Not text: keep ours untouched and let git report the conflict.
    opts.warn?.(`orch merge-driver: ${name} is not a text file on every side; kept our version, resolve it by hand.`);
    return 1;
  }
  const prose = (b: string, o: string, t: string) =>
    mergeFile(b, o, t, { cwd: opts.cwd, labels: ['ours', 'base', 'theirs'], markerSize: opts.markerSize });
  let result: { text: string; conflicts: number };
  try {
    result = await mergeStatus(base, ours, theirs, prose);
  } catch (e) {
    if (isOrchError(e)) throw e;
    // A defect here must not cost anyone their changes: fall back to git's own line merge.
    opts.warn?.(
      `orch merge-driver: could not merge ${name} by rows (${e instanceof Error ? e.message : String(e)}); merged it line by line instead.`,
    );
    result = await prose(base, ours, theirs);
  }
  if (result.text !== ours) await atomicWrite(target, result.text);
  return result.conflicts > 0 ? 1 : 0;
}

async function readText(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new OrchError(`orch merge-driver: cannot read ${file} (${code}) while merging ${name}.`, {
      hint: 'git passes the files as %O %A %B %P; check the merge.orch-status.driver setting (git config --get merge.orch-status.driver).',
    });
  }
}
