import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

function git(
  repo: TempRepo,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env: { ...repo.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Commits one new file, retrying while another process holds git's index.lock. */
async function commitFile(repo: TempRepo, cwd: string, file: string, env: NodeJS.ProcessEnv): Promise<void> {
  repo.write(path.relative(repo.dir, path.join(cwd, file)), `${file}\n`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const add = await git(repo, ['add', '--', file], cwd, env);
    if (add.code === 0) {
      const c = await git(repo, ['commit', '-q', '-m', `add ${file}`], cwd, env);
      if (c.code === 0) return;
      // (git shares COMMIT_EDITMSG and HEAD between commits in one directory: those races are retried)
      // another process committed our staged file with its own: that entry counts for us
      if (/nothing (added )?to commit|no changes added/.test(c.out)) return;
      if (!/index\.lock|Unable to create|cannot lock ref|empty commit message/.test(c.out))
        throw new Error(`commit failed: ${c.out}`);
    } else if (!/index\.lock/.test(add.out)) throw new Error(`add failed: ${add.out}`);
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
  }
  throw new Error(`gave up committing ${file}`);
}

const entries = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^- \d{4}-/.test(l))
    .join('\n');

it('8 processes committing in one working directory lose no log entry', async () => {
  const repo = tempRepo();
  await Promise.all(
    Array.from({ length: 8 }, async (_, p) => {
      for (let i = 0; i < 3; i++) await commitFile(repo, repo.dir, `p${p}-${i}.txt`, { ORCH_AGENT: `agent-${p}` });
    }),
  );
  // git does not serialise plain commits that share one index, so a file or an entry
  // staged by one process can land in another's commit. What must hold: no commit ever
  // drops an entry of its parent, and every agent's commits are matched by its entries.
  const head = entries(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).split('\n');
  const shas = repo.ok(['rev-list', 'HEAD']).trim().split('\n');
  const commitsBy = new Map<string, number>();
  let checked = 0;
  for (const sha of shas) {
    const parents = repo.ok(['rev-list', '--parents', '-n', '1', sha]).trim().split(' ').slice(1);
    if (parents.length === 0) continue;
    const own = entries(repo.ok(['show', `${sha}:WORK_STATUS.md`])).split('\n');
    const before = entries(repo.ok(['show', `${parents[0]}:WORK_STATUS.md`])).split('\n');
    expect(own.slice(0, before.length), `commit ${sha} dropped or rewrote an entry`).toEqual(before);
    // (which agent's trailers a commit carries is checked in trailers-two-agents-one-directory:
    // here git's own shared COMMIT_EDITMSG can mix two commit-msg hooks' edits)
    const agent = /Agent: (\S+)/.exec(repo.ok(['log', '-1', '--format=%B', sha]))?.[1];
    if (agent?.startsWith('agent-')) commitsBy.set(agent, (commitsBy.get(agent) ?? 0) + 1);
    checked++;
  }
  for (const [agent, n] of commitsBy) {
    expect(head.filter((e) => e.includes(` ${agent}: `)).length, agent).toBeGreaterThanOrEqual(n);
  }
  expect(checked).toBeGreaterThanOrEqual(8);
  expect([...commitsBy.keys()].length).toBeGreaterThan(1);
  const tracked = repo.ok(['ls-files']);
  for (let p = 0; p < 8; p++) for (let i = 0; i < 3; i++) expect(tracked).toContain(`p${p}-${i}.txt`);
  expect(entries(repo.read('WORK_STATUS.md'))).toContain(head[head.length - 1]);
});

it('4 worktrees committing 10 times each at the same time lose no log entry', async () => {
  const repo = tempRepo();
  const tops = [0, 1, 2, 3].map((w) => {
    const dir = path.join(path.dirname(repo.dir), `wt-${w}`);
    repo.ok(['worktree', 'add', '-q', '-b', `agent-${w}`, dir]);
    return dir;
  });
  await Promise.all(
    tops.map(async (top, w) => {
      for (let i = 0; i < 10; i++) await commitFile(repo, top, `w${w}-${i}.txt`, { ORCH_AGENT: `agent-${w}` });
    }),
  );
  tops.forEach((top, w) => {
    const committed = entries(repo.ok(['show', `agent-${w}:WORK_STATUS.md`]));
    for (let i = 0; i < 10; i++) expect(committed).toContain(`agent-${w}: A w${w}-${i}.txt`);
    expect(repo.ok(['status', '--porcelain'], { cwd: top })).toBe('');
    // commit-msg found each linked worktree's own git dir (GIT_DIR) for its trailers
    const trailers = repo
      .ok(['log', '-10', '--format=%(trailers:key=Agent,valueonly)%x00', `agent-${w}`])
      .split('\0')
      .map((t) => t.trim())
      .filter(Boolean);
    expect(trailers).toEqual(Array(10).fill(`agent-${w}`));
  });
});
