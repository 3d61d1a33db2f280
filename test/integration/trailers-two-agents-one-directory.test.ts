// Two agents commit in one working directory at the same moment: both pre-commit hooks run
// before either commit-msg hook. Each commit must still get its own agent's trailers.
// (Driven hook by hook, in that order: git itself shares COMMIT_EDITMSG between commits
// in one directory, so racing real commits would test git's race as well as orch's.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("commit-msg adds the trailers its own pre-commit left, not the other agent's", () => {
  const repo = tempRepo();
  const hook = (name: string, agent: string, args: string[] = []) => {
    const r = spawnSync(path.join(repo.dir, '.git', 'hooks', name), args, {
      cwd: repo.dir,
      env: { ...repo.env, ORCH_AGENT: agent },
      encoding: 'utf8',
    });
    return { code: r.status ?? 128, out: r.stdout + r.stderr };
  };

  repo.write('a.txt', 'a\n');
  repo.ok(['add', 'a.txt']);
  const a = hook('pre-commit', 'agent-a');
  expect(a.code, a.out).toBe(0);
  repo.write('b.txt', 'b\n');
  repo.ok(['add', 'b.txt']);
  const b = hook('pre-commit', 'agent-b');
  expect(b.code, b.out).toBe(0);

  for (const agent of ['agent-a', 'agent-b']) {
    const msg = path.join(repo.dir, '.git', `${agent}.msg`);
    fs.writeFileSync(msg, `work of ${agent}\n`);
    const r = hook('commit-msg', agent, [msg]);
    expect(r.code, r.out).toBe(0);
    expect(fs.readFileSync(msg, 'utf8')).toBe(`work of ${agent}\n\nAgent: ${agent}\n`);
  }
  // nothing left behind for a later commit to pick up
  expect(fs.readdirSync(path.join(repo.dir, '.git', 'orch')).filter((f) => f.startsWith('trailers'))).toEqual([]);
});
