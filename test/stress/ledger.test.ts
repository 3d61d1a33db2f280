// 8 processes × 125 operations — lock, unlock, commit, mixed — in one working directory, all
// at once. Each process keeps a ledger of what it did and what orch answered; at the end the
// ledger must match WORK_STATUS.md row for row and the git history entry for entry.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { readStatus } from '../../src/status/readStatus.js';
import { ORCH_BIN, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const PROCESSES = 8;
const OPS = Number(process.env.ORCH_STRESS_OPS ?? 125);
const STACK = /\n\s+at [^\n]*:\d+:\d+/;

function exec(
  repo: TempRepo,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo.dir, env: { ...repo.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 128, out }));
  });
}

interface Ledger {
  agent: string;
  held: Set<string>;
  locks: number;
  unlocks: number;
  /** Files this process committed itself, and those another process's commit took along. */
  committed: string[];
  absorbed: string[];
  retries: number;
  /** Why commits had to be retried (first lines of git's output). */
  retryReasons: string[];
  failures: string[];
}

// git itself does not support two commits at once in one working directory (they share
// .git/COMMIT_EDITMSG and the index): commits take turns, while locks and unlocks of all
// processes run in between and during them, racing the record step for the status file.
let commitTurn: Promise<void> = Promise.resolve();
async function commitFile(repo: TempRepo, file: string, ledger: Ledger): Promise<void> {
  let release!: () => void;
  const previous = commitTurn;
  commitTurn = new Promise((r) => (release = r));
  await previous;
  try {
    await commitFileNow(repo, file, ledger);
  } finally {
    release();
  }
}

async function commitFileNow(repo: TempRepo, file: string, ledger: Ledger): Promise<void> {
  repo.write(file, `${file}\n`);
  const env = { ORCH_AGENT: ledger.agent };
  for (let attempt = 0; attempt < 300; attempt++) {
    const add = await exec(repo, 'git', ['add', '--', file], env);
    let why = `add: ${add.out}`;
    if (add.code === 0) {
      const c = await exec(repo, 'git', ['commit', '-q', '-m', `${ledger.agent} adds ${file}`], env);
      if (c.code === 0) {
        ledger.committed.push(file);
        return;
      }
      if (/nothing (added )?to commit|no changes added/.test(c.out)) {
        ledger.absorbed.push(file);
        return;
      }
      if (STACK.test(c.out) || /internal error/.test(c.out)) throw new Error(`commit crashed: ${c.out}`);
      if (!/index\.lock|Unable to create|cannot lock ref/.test(c.out)) throw new Error(`commit failed: ${c.out}`);
      why = `commit: ${c.out}`;
    } else if (!/index\.lock/.test(add.out)) throw new Error(`add failed: ${add.out}`);
    ledger.retries++;
    ledger.retryReasons.push(why.replace(/\s+/g, ' ').slice(0, 300));
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
  }
  throw new Error(`gave up committing ${file}`);
}

async function worker(repo: TempRepo, p: number): Promise<Ledger> {
  const ledger: Ledger = {
    agent: `agent-${p}`,
    held: new Set(),
    locks: 0,
    unlocks: 0,
    committed: [],
    absorbed: [],
    retries: 0,
    retryReasons: [],
    failures: [],
  };
  const env = { ORCH_AGENT: ledger.agent };
  let rnd = p * 7919 + 17;
  const next = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let op = 0; op < OPS; op++) {
    const r = next();
    if (r < 0.4 || ledger.held.size === 0) {
      const path = `p${p}/lock-${op}.ts`;
      const res = await exec(repo, process.execPath, [ORCH_BIN, 'lock', path, '--task', `T-${p}`], env);
      if (res.code === 0) {
        ledger.held.add(path);
        ledger.locks++;
      } else ledger.failures.push(`lock ${path}: ${res.code} ${res.out}`);
    } else if (r < 0.65) {
      const held = [...ledger.held];
      const path = held[Math.floor(next() * held.length)];
      const res = await exec(repo, process.execPath, [ORCH_BIN, 'unlock', path], env);
      if (res.code === 0) {
        ledger.held.delete(path);
        ledger.unlocks++;
      } else ledger.failures.push(`unlock ${path}: ${res.code} ${res.out}`);
    } else {
      await commitFile(repo, `p${p}/commit-${op}.txt`, ledger);
    }
  }
  return ledger;
}

const logLines = (text: string) => text.split('\n').filter((l) => /^- \d{4}-\d\d-\d\dT/.test(l));

it.skipIf(!process.env.ORCH_STRESS)(
  `${PROCESSES} processes × ${OPS} lock/unlock/commit operations: every row and entry accounted for`,
  async () => {
    const repo = tempRepo();
    const start = repo.ok(['rev-parse', 'HEAD']).trim();
    const t = Date.now();
    const ledgers = await Promise.all(Array.from({ length: PROCESSES }, (_, p) => worker(repo, p)));
    const seconds = (Date.now() - t) / 1000;

    for (const l of ledgers) expect(l.failures, l.agent).toEqual([]);

    // rows: the working-tree file holds exactly the locks the ledgers say are held
    const status = repo.read('WORK_STATUS.md');
    const rows = readStatus(status)
      .locks.map((l) => `${l.agent} ${l.path}`)
      .sort();
    const held = ledgers.flatMap((l) => [...l.held].map((p) => `${l.agent} ${p}`)).sort();
    expect(rows).toEqual(held);

    // entries: one per commit, in the working tree and in history; no commit drops one
    const commits = repo
      .ok(['rev-list', '--reverse', `${start}..HEAD`])
      .trim()
      .split('\n')
      .filter(Boolean);
    const entries = logLines(status);
    const inHistory = new Set(logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md'])));
    const phantom = entries.filter((e) => !inHistory.has(e));
    expect(
      phantom,
      `entries of commits that never happened; retries: ${ledgers.flatMap((l) => l.retryReasons).join(' | ')}`,
    ).toEqual([]);
    let parentEntries = logLines(repo.ok(['show', `${start}:WORK_STATUS.md`]));
    const newEntries = entries.length - parentEntries.length;
    expect(newEntries).toBe(commits.length);
    for (const sha of commits) {
      const own = logLines(repo.ok(['show', `${sha}:WORK_STATUS.md`]));
      expect(own.slice(0, parentEntries.length), `commit ${sha} dropped an entry`).toEqual(parentEntries);
      expect(own.length - parentEntries.length, `commit ${sha} added one entry`).toBe(1);
      parentEntries = own;
    }
    expect(entries).toEqual(parentEntries);
    // each commit names its own agent, in its entry and in its trailer
    for (const sha of commits) {
      const body = repo.ok(['log', '-1', '--format=%B', sha]);
      const agent = /^(agent-\d+) adds /.exec(body)?.[1];
      expect(body, sha).toContain(`Agent: ${agent}`);
    }

    // every committed file is in HEAD and named by exactly one entry
    const tracked = new Set(repo.ok(['ls-files']).split('\n'));
    const files = ledgers.flatMap((l) => [...l.committed, ...l.absorbed]);
    for (const f of files) {
      expect(tracked.has(f), f).toBe(true);
      expect(entries.filter((e) => e.includes(` ${f}`) || e.includes(`${f},`)).length, f).toBe(1);
    }
    const totals = ledgers.reduce(
      (a, l) => ({
        locks: a.locks + l.locks,
        unlocks: a.unlocks + l.unlocks,
        commits: a.commits + l.committed.length,
        absorbed: a.absorbed + l.absorbed.length,
        retries: a.retries + l.retries,
      }),
      { locks: 0, unlocks: 0, commits: 0, absorbed: 0, retries: 0 },
    );
    expect(totals.locks + totals.unlocks + totals.commits + totals.absorbed).toBe(PROCESSES * OPS);
    console.log(
      `[stress] ledger: ${PROCESSES * OPS} operations in ${seconds.toFixed(0)} s — ${totals.locks} locks, ${totals.unlocks} unlocks, ${totals.commits} commits (+${totals.absorbed} files taken along by another's commit, ${totals.retries} retries on git's index.lock); ${held.length} rows held, ${rows.length} found; ${commits.length} commits, ${newEntries} new Log entries; lost 0`,
    );
  },
);
