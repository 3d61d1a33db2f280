// Where orch is installed in a repository, so that the lines orch writes (hook shims, the merge
// driver, fix advice) call that copy and never `npx`.
import fs from 'node:fs';
import path from 'node:path';
import { createProgress, type ProgressIO } from '../report/progress.js';

/**
 * Where orch is installed in this repository: the root or a package of a monorepo, two
 * directory levels deep. On a large tree the scan reports progress (TTY only).
 */
export function findOrchBins(top: string, io?: ProgressIO): string[] {
  const found: string[] = [];
  const candidates = ['node_modules/.bin/orch'];
  const dirs = safeReaddir(top).filter((d) => !d.startsWith('.') && d !== 'node_modules');
  const progress = io ? createProgress('orch init: looking for orch installs', dirs.length, io) : undefined;
  for (const dir of dirs) {
    candidates.push(`${dir}/node_modules/.bin/orch`);
    for (const sub of safeReaddir(path.join(top, dir))) {
      if (!sub.startsWith('.') && sub !== 'node_modules') candidates.push(`${dir}/${sub}/node_modules/.bin/orch`);
    }
    progress?.tick();
  }
  progress?.done();
  for (const c of candidates) if (fs.existsSync(path.join(top, c))) found.push(c);
  return found;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}
