// SIGKILL to a whole `git commit` (git, the hook shim and orch: one process group) at a
// random moment, over and over. After each kill the committed WORK_STATUS.md, the staged one
// and the working-tree one must each be whole: the file as it was, or it plus this commit's
// one Log entry — never a torn or doubled file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/tempRepo.js';

export interface KillOutcome {
  rounds: number;
  committed: number;
  notCommitted: number;
  /** Rounds killed after the entry reached the index or the working tree but before the commit. */
  midRecord: number;
  /** Files found neither as before nor as before plus one entry (must stay 0). */
  torn: string[];
}

/** A status file of many rows and entries, so a write of it takes a measurable time. */
export function bigStatus(base: string, rows: number, entries: number): string {
  const lockRows = Array.from(
    { length: rows },
    (_, i) => `| src/module-${i}/index.ts | agent-${i % 7} | T-${i} | 2026-11-26T09:00Z | - | keep ${'x'.repeat(30)} |`,
  );
  const log = Array.from(
    { length: entries },
    (_, i) =>
      `- 2026-11-${String(1 + (i % 25)).padStart(2, '0')}T09:00Z agent-${i % 7} T-${i}: M src/module-${i}/index.ts`,
  );
  return base
    .replace(
      '| --- | --- | --- | --- | --- | --- |\n',
      `| --- | --- | --- | --- | --- | --- |\n${lockRows.join('\n')}\n`,
    )
    .replace(/## Log\n\n?/, `## Log\n\n${log.join('\n')}\n`);
}

/** `after` is `before` with exactly one added line that is this round's Log entry. */
function isBeforeOrAfter(before: string, after: string, file: string): boolean {
  if (after === before) return true;
  const a = after.split('\n');
  const b = before.split('\n');
  if (a.length !== b.length + 1) return false;
  const i = a.findIndex((line, k) => line !== b[k]);
  return (
    a[i].includes(file) && /^- \S+ killer/.test(a[i]) && [...a.slice(0, i), ...a.slice(i + 1)].join('\n') === before
  );
}

export async function killDuringCommit(
  repo: TempRepo,
  rounds: number,
  delay: { min: number; max: number; record: number },
): Promise<KillOutcome> {
  const out: KillOutcome = { rounds: 0, committed: 0, notCommitted: 0, midRecord: 0, torn: [] };
  const gitDir = path.join(repo.dir, '.git');
  for (let round = 0; round < rounds; round++) {
    const head = repo.ok(['rev-parse', 'HEAD']).trim();
    const before = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    const file = `src/kill-${round}.ts`;
    repo.write(file, `export const round = ${round};\n`);
    repo.ok(['add', file]);
    // the record step starts by leaving the trailers for commit-msg: on odd rounds, wait for
    // that and kill within the record step; on even rounds, anywhere in the commit
    const marker = path.join(gitDir, 'orch', 'trailers.killer');
    fs.rmSync(marker, { force: true });
    const child = spawn('git', ['commit', '-q', '-m', `round ${round}`], {
      cwd: repo.dir,
      env: { ...repo.env, ORCH_AGENT: 'killer' },
      detached: true,
      stdio: 'ignore',
    });
    let done = false;
    const exited = new Promise((r) => child.on('close', () => r((done = true))));
    if (round % 2 === 1) {
      while (!done && !fs.existsSync(marker)) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, Math.random() * delay.record));
    } else {
      await new Promise((r) => setTimeout(r, delay.min + Math.random() * (delay.max - delay.min)));
    }
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already finished
    }
    await exited;
    // what a person does after a crash: git's own locks left behind go (index, HEAD and the
    // branch ref, when the kill landed while git was updating them)
    for (const lock of ['index.lock', 'HEAD.lock', 'refs/heads/main.lock', 'ORIG_HEAD.lock']) {
      fs.rmSync(path.join(gitDir, lock), { force: true });
    }
    out.rounds++;
    const nowHead = repo.ok(['rev-parse', 'HEAD']).trim();
    const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    const staged = repo.ok(['show', ':WORK_STATUS.md']);
    const working = repo.read('WORK_STATUS.md');
    if (nowHead === head) {
      out.notCommitted++;
      if (staged !== before || working !== before) out.midRecord++;
      if (committed !== before) out.torn.push(`round ${round}: HEAD unchanged but its status file changed`);
    } else {
      out.committed++;
      if (!isBeforeOrAfter(before, committed, file) || committed === before)
        out.torn.push(`round ${round}: committed file is not before + one entry`);
    }
    if (!isBeforeOrAfter(before, staged, file)) out.torn.push(`round ${round}: staged file torn`);
    if (!isBeforeOrAfter(before, working, file)) out.torn.push(`round ${round}: working-tree file torn`);
    // start the next round from HEAD, as a person would after looking
    repo.ok(['reset', '-q', '--hard', 'HEAD']);
  }
  return out;
}
