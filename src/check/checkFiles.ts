// `orch check --files P...`: the named files as they are in the working tree against
// HEAD — what lint-staged hands a task (absolute paths) and what an editor integration asks.
import fs from 'node:fs';
import path from 'node:path';
import { blobText } from '../git/blobReader.js';
import { gitChangeSet } from '../git/gitChangeSet.js';
import { insertedLinesOfTexts } from '../text/insertedLines.js';
import type { ChangeSet, FileChange } from '../types.js';
import { evaluate, type CheckResult } from './checkStaged.js';
import { prepareCheck, type CheckEnv } from './prepareCheck.js';
import { toRepoPath } from './toRepoPath.js';

export async function checkFiles(opts: CheckEnv & { files: string[] }): Promise<CheckResult> {
  const prepared = await prepareCheck(opts);
  const { repo } = prepared;
  const paths = [...new Set(opts.files.map((f) => toRepoPath(f, opts.cwd, repo.top)))].filter(Boolean);
  const headFiles = await Promise.all(paths.map((p) => repo.blobs(`HEAD:${p}`)));
  const files: FileChange[] = paths.map((p, i) => {
    const inTree = fs.existsSync(path.join(repo.top, p));
    return { status: !inTree ? 'D' : headFiles[i] ? 'M' : 'A', path: p };
  });
  const base = gitChangeSet({ kind: 'index', files, oldRev: 'HEAD', newRev: null, blobs: repo.blobs, git: repo.git });
  const changes: ChangeSet = {
    ...base,
    async read(p, side) {
      if (side === 'old') return base.read(p, side);
      try {
        return blobText(fs.readFileSync(path.join(repo.top, p)));
      } catch {
        return null;
      }
    },
    insertedLines: (p) => insertedLinesOfTexts(changes.read, p),
  };
  return { report: await evaluate(prepared, changes, 'check'), prepared, changes };
}
