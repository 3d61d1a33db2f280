// How fresh this clone's copy of the lock branch is: the last time orch fetched it, or
// git updated the remote-tracking ref, or a plain `git fetch` brought it — whichever is
// latest. Only file times are read: no git process on the commit path.
import fs from 'node:fs';
import path from 'node:path';
import type { LockBranchTarget } from './lockBranchTarget.js';

function stampPath(commonDir: string, target: LockBranchTarget): string {
  return path.join(commonDir, 'orch', `fetched-${target.label.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
}

/** Records that the lock branch was fetched just now. */
export function markFetched(commonDir: string, target: LockBranchTarget): void {
  const file = stampPath(commonDir, target);
  try {
    const now = new Date();
    try {
      fs.utimesSync(file, now, now);
    } catch {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${target.label}\n`);
    }
  } catch {
    // the age shown later is then only less precise
  }
}

/** When the copy was last known to match the remote; null when never. */
export function lastFetched(gitDir: string, commonDir: string, target: LockBranchTarget): Date | null {
  let best = 0;
  const consider = (file: string, test?: (text: string) => boolean) => {
    try {
      const st = fs.statSync(file);
      if (st.mtimeMs <= best) return;
      if (test && !test(fs.readFileSync(file, 'utf8'))) return;
      best = st.mtimeMs;
    } catch {
      // absent
    }
  };
  consider(stampPath(commonDir, target));
  consider(path.join(commonDir, ...target.tracking.split('/')));
  // a fresh clone packs its refs: the copy is as old as the clone
  consider(path.join(commonDir, 'packed-refs'), (text) => text.includes(` ${target.tracking}\n`));
  const named = (text: string) => text.includes(`'${target.branch}' of `);
  consider(path.join(gitDir, 'FETCH_HEAD'), named);
  if (commonDir !== gitDir) consider(path.join(commonDir, 'FETCH_HEAD'), named);
  return best ? new Date(best) : null;
}

/** "42 min", "3 h", "2 days". */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return 'under a minute';
  if (min < 60) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}
