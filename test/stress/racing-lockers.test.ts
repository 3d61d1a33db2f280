// Eight agents race for one path, round after round — the same path, or a directory and a
// file inside it, or a glob and a file it matches, from the main checkout and from worktrees.
// Every round: exactly one holder, the others refused with exit 1, nobody crashes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readStatus } from '../../src/status/readStatus.js';
import { locksOverlap } from '../../src/locks/locksOverlap.js';
import { ORCH_BIN, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const ROUNDS = Number(process.env.ORCH_STRESS_ROUNDS ?? 40);

function orch(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ORCH_BIN, ...args], { cwd, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 128, out }));
  });
}

it.skipIf(!process.env.ORCH_STRESS)(
  `racing lockers: ${ROUNDS} rounds of 8 agents, exactly one holder each round`,
  async () => {
    const repo = tempRepo();
    // agents 4–7 work in worktrees of their own: locks combine across worktrees
    const cwds = Array.from({ length: 8 }, (_, a) => {
      if (a < 4) return repo.dir;
      const dir = path.join(path.dirname(repo.dir), `wt-${a}`);
      repo.ok(['worktree', 'add', '-q', '-b', `agent-${a}`, dir]);
      return dir;
    });
    let winners = 0;
    let refusals = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const shape = round % 3;
      const target = (a: number) =>
        shape === 0
          ? `race/r${round}.ts`
          : shape === 1
            ? a % 2
              ? `race/r${round}/`
              : `race/r${round}/file.ts`
            : a % 2
              ? `race/r${round}/**/*.ts`
              : `race/r${round}/deep/f.ts`;
      const results = await Promise.all(
        cwds.map((cwd, a) =>
          orch(cwd, { ...repo.env, ORCH_AGENT: `agent-${a}` }, ['lock', target(a), '--task', `R-${round}`]),
        ),
      );
      for (const r of results) {
        expect(r.out).not.toMatch(/\n\s+at [^\n]*:\d+:\d+|internal error/);
        expect([0, 1], r.out).toContain(r.code);
      }
      const won = results.map((r, a) => (r.code === 0 ? a : -1)).filter((a) => a >= 0);
      expect(won, `round ${round}: ${results.map((r) => r.code).join(',')}`).toHaveLength(1);
      winners++;
      refusals += results.filter((r) => r.code === 1).length;
      // the files of every worktree together hold exactly the winner's lock for this round
      const rows = cwds
        .filter((c, i) => cwds.indexOf(c) === i)
        .flatMap((cwd) => readStatus(fs.readFileSync(path.join(cwd, 'WORK_STATUS.md'), 'utf8')).locks)
        .filter((l) => l.task === `R-${round}`);
      expect(rows.map((l) => `${l.agent} ${l.path}`)).toEqual([`agent-${won[0]} ${target(won[0])}`]);
      // and no two held locks of any round overlap
      for (const l of rows) expect(locksOverlap(l.path, target((won[0] + 1) % 8), false)).toBe(true);
    }
    console.log(
      `[stress] racing lockers: ${ROUNDS} rounds × 8 agents = ${ROUNDS * 8} lock attempts; ${winners} holders (one per round), ${refusals} refused, 0 crashes`,
    );
  },
);
