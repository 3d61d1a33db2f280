// A fresh clone has .gitattributes but not orch's merge driver (git config is not cloned):
// its first pull merges WORK_STATUS.md line by line and leaves conflict markers, and a
// table row after `<<<<<<<` used to stop being read — a locked file was then committed by
// another agent. While markers are present the locks of every side bind; committing the
// file with markers is an error that says how to resolve it; and the first orch run in
// the clone (here the refused commit's own hook) registers the driver, so the merge done
// again merges by rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { HOLDER, INTRUDER, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('conflict markers bind both sides, cannot be committed, and the clone gets the merge driver from its first orch run', () => {
  const arena = lockedArena(tempRepo);
  const { repo, server } = arena;
  // a second clone, from before backend-architect's lock, with orch's hooks but nothing else
  const dir = path.join(path.dirname(repo.dir), 'clone');
  repo.ok(['clone', '-q', server.dir, dir]);
  const b = { cwd: dir };
  for (const [k, v] of [
    ['user.name', 'Clone Person'],
    ['user.email', 'clone@example.test'],
    ['commit.gpgsign', 'false'],
    ['pull.rebase', 'false'],
  ])
    repo.ok(['config', k, v], b);
  for (const hook of ['pre-commit', 'commit-msg', 'post-commit', 'pre-push']) {
    fs.copyFileSync(path.join(repo.dir, '.git/hooks', hook), path.join(dir, '.git/hooks', hook));
  }
  expect(repo.git(['config', 'merge.orch-status.driver'], b).code).toBe(1);
  repo.ok(['reset', '-q', '--hard', 'HEAD~1'], b);
  const status = fs.readFileSync(path.join(dir, 'WORK_STATUS.md'), 'utf8');
  const header = status.split('\n').find((l) => /^\|\s*-+/.test(l))!;
  // frontend's own row, where backend-architect's went on main (made with the hooks skipped)
  fs.writeFileSync(
    path.join(dir, 'WORK_STATUS.md'),
    status.replace(header, `${header}\n| web/page.tsx | frontend | T-2 | 2026-11-26T09:00Z |  |  |`),
  );
  repo.ok(['add', 'WORK_STATUS.md'], b);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'frontend locks web/page.tsx', '-m', 'Agent: frontend'], b);

  const pull = repo.git(['pull', '-q', '--no-edit', 'origin', 'main'], b);
  expect(pull.code).not.toBe(0);
  const conflicted = fs.readFileSync(path.join(dir, 'WORK_STATUS.md'), 'utf8');
  expect(conflicted).toMatch(/^<<<<<<< /m);
  expect(repo.git(['config', 'merge.orch-status.driver'], b).code).toBe(1);

  // while the markers are there, the locks of both sides bind: ours (frontend's) ...
  fs.mkdirSync(path.join(dir, 'web'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'web/page.tsx'), 'export default 1;\n');
  repo.ok(['add', 'WORK_STATUS.md', 'web/page.tsx'], b);
  const byQa = repo.git(['commit', '--no-edit'], { ...b, env: { ORCH_AGENT: 'qa' } });
  expect(byQa.code).toBe(1);
  expect(byQa.stderr).toContain('web/page.tsx is locked by frontend');
  expect(byQa.stderr).toContain('WORK_STATUS.md still has merge conflict markers');
  expect(byQa.stderr).toContain('git checkout -m -- WORK_STATUS.md');
  repo.ok(['rm', '-q', '--cached', 'web/page.tsx'], b);
  fs.rmSync(path.join(dir, 'web/page.tsx'));

  // ... and theirs (backend-architect's)
  fs.writeFileSync(path.join(dir, 'src/app.js'), 'export const v = 2;\n');
  repo.ok(['add', 'src/app.js'], b);
  const commit = repo.git(['commit', '--no-edit'], { ...b, env: INTRUDER });
  expect(commit.code).toBe(1);
  expect(commit.stderr).toContain('WORK_STATUS.md still has merge conflict markers');
  expect(commit.stderr).toContain('src/app.js is locked by backend-architect');
  expect(commit.stderr).not.toMatch(/\n\s+at /);
  // the first hook run registered the driver: the merge done again merges by rows
  expect(repo.ok(['config', 'merge.orch-status.driver'], b)).toContain('merge-driver %O %A %B %P');
  repo.ok(['merge', '--abort'], b);
  const again = repo.git(['pull', '-q', '--no-edit', 'origin', 'main'], { ...b, env: HOLDER });
  expect(again.code, again.out).toBe(0);
  const merged = fs.readFileSync(path.join(dir, 'WORK_STATUS.md'), 'utf8');
  expect(merged).not.toContain('<<<<<<<');
  expect(merged).toMatch(/^\| src\/app\.js \| backend-architect /m);
  expect(merged).toMatch(/^\| web\/page\.tsx \| frontend /m);

  // markers committed with the hooks skipped: orch ci and the server refuse them
  repo.ok(['reset', '-q', '--hard', 'origin/main'], b);
  fs.writeFileSync(path.join(dir, 'WORK_STATUS.md'), conflicted);
  const bad = commitNoVerify(
    { ...repo, ok: (args, o) => repo.ok(args, { ...o, cwd: dir }) },
    'frontend commits the markers',
    'frontend',
  );
  const ci = orchCi(repo, ['--base', 'origin/main', '--head', 'HEAD'], { cwd: dir });
  expect(ci.code).toBe(1);
  expect(ci.out).toContain('still has merge conflict markers');
  expect(ci.out).toContain(bad.slice(0, 7));
  const push = repo.git(['push', '--no-verify', 'origin', 'HEAD:main'], b);
  expect(push.code).not.toBe(0);
  expect(push.stderr).toContain('still has merge conflict markers');
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(arena.base);
});
