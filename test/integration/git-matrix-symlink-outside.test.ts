// Symbolic links that point outside the repository. git commits the link itself (its
// target is just text), so that is fine; what must hold: a link inside a locked directory is
// a change under that lock, locking through a link that leaves the repository is refused
// (see bad-input.test.ts), and nothing crashes when a lock's path runs through such a link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const STACK = /\n\s+at [^\n]*:\d+:\d+|internal error/;

it('links to outside the repository: committed like any file, blocked under a lock, no crash through them', () => {
  const repo = tempRepo();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside\n');
  const a = { ORCH_AGENT: 'agent-a' };
  const b = { ORCH_AGENT: 'agent-b' };

  // a link to a file and one to a directory outside: fine to commit
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(repo.dir, 'secret-link'));
  fs.symlinkSync(outside, path.join(repo.dir, 'ext'));
  repo.ok(['add', 'secret-link', 'ext']);
  const first = repo.commit('a adds links', { env: a });
  expect(first.code, first.out).toBe(0);
  expect(repo.ok(['ls-files', '-s', 'ext']).startsWith('120000')).toBe(true);

  // a link added inside another agent's locked directory is a change under that lock
  expect(repo.orch(['lock', 'shared/'], { env: b }).code).toBe(0);
  fs.mkdirSync(path.join(repo.dir, 'shared'));
  fs.symlinkSync(outside, path.join(repo.dir, 'shared', 'out'));
  repo.ok(['add', 'shared/out']);
  const blocked = repo.commit('a links into shared/', { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('shared/out');
  expect(blocked.stderr).toContain('is locked by agent-b');
  expect(blocked.out).not.toMatch(STACK);
  repo.ok(['rm', '-q', '--cached', 'shared/out']);
  fs.rmSync(path.join(repo.dir, 'shared'), { recursive: true });

  // a lock someone wrote by hand on a path through the link (orch lock refuses those):
  // retargeting the link is a change of `ext`, and every check runs without a crash
  const status = repo
    .read('WORK_STATUS.md')
    .replace(
      '| --- | --- | --- | --- | --- | --- |\n',
      '| --- | --- | --- | --- | --- | --- |\n| ext/secret.txt | agent-b | - | 2026-11-26T09:00Z | - | - |\n| ext/[a-z]*.txt | agent-b | - | 2026-11-26T09:00Z | - | - |\n',
    );
  repo.write('WORK_STATUS.md', status);
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'hand-written locks through the link']);
  fs.rmSync(path.join(repo.dir, 'ext'));
  fs.symlinkSync(os.tmpdir(), path.join(repo.dir, 'ext'));
  repo.ok(['add', 'ext']);
  const retarget = repo.commit('a retargets the link', { env: a });
  expect(retarget.out).not.toMatch(STACK);
  expect([0, 1], retarget.out).toContain(retarget.code);
  const check = repo.orch(['check', '--files', 'ext', '--format', 'json'], { env: a });
  expect(check.out).not.toMatch(STACK);
  expect([0, 1]).toContain(check.code);
  const through = repo.orch(['check', '--files', 'ext/secret.txt'], { env: a });
  expect(through.code).toBe(2);
  expect(through.stderr).toContain('outside the repository through a symbolic link');
  expect(repo.orch(['status'], { env: a }).code).toBe(0);
  fs.rmSync(outside, { recursive: true, force: true });
});
