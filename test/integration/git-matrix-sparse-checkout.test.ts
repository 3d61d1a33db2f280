// Sparse checkouts. In cone mode the top-level WORK_STATUS.md is always there. A non-cone
// pattern can leave it out: its locks must still bind (read from the index, so a sparse
// checkout is no way around them), orch lock refuses to start a second status file and
// says how to bring it in, and a commit's Log entry goes into the commit without
// resurrecting the file or making git think it was deleted.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

function setUp(): TempRepo {
  const repo = tempRepo();
  repo.write('src/a.ts', 'a\n');
  repo.write('docs/d.md', 'd\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'files']);
  expect(repo.orch(['lock', 'src/a.ts'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('b takes src/a.ts', { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  return repo;
}

const a = { ORCH_AGENT: 'agent-a' };

it('cone mode keeps WORK_STATUS.md and every check', () => {
  const repo = setUp();
  repo.ok(['sparse-checkout', 'set', '--cone', 'src']);
  expect(fs.existsSync(path.join(repo.dir, 'docs'))).toBe(false);
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(true);
  repo.write('src/a.ts', 'changed\n');
  repo.ok(['add', 'src/a.ts']);
  const r = repo.commit('a edits a locked file', { env: a });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('is locked by agent-b');
});

it('WORK_STATUS.md outside a non-cone sparse checkout: locks still bind, lock refuses with advice, commits record', () => {
  const repo = setUp();
  repo.ok(['sparse-checkout', 'set', '--no-cone', '/src/']);
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(false);

  repo.write('src/a.ts', 'changed\n');
  repo.ok(['add', 'src/a.ts']);
  const blocked = repo.commit('a edits a locked file', { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('is locked by agent-b');
  repo.ok(['reset', '-q', '--hard']);

  const lock = repo.orch(['lock', 'src/b.ts'], { env: a });
  expect(lock.code).toBe(2);
  expect(lock.stderr).toContain('missing from this checkout');
  expect(lock.stderr).toContain('git sparse-checkout add /WORK_STATUS.md');
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(false);

  repo.write('src/b.ts', 'b\n');
  repo.ok(['add', 'src/b.ts']);
  const ok = repo.commit('a adds a free file', { env: a });
  expect(ok.code, ok.out).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*A src\/b\.ts/);
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(false);
  expect(repo.ok(['status', '--porcelain'])).toBe('');
  expect(repo.ok(['ls-files', '-v', 'WORK_STATUS.md'])).toMatch(/^S /);

  // brought back in, it is the same file with everything in it
  repo.ok(['sparse-checkout', 'add', '/WORK_STATUS.md']);
  expect(repo.read('WORK_STATUS.md')).toBe(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
  expect(repo.orch(['lock', 'src/b.ts'], { env: a }).code).toBe(0);
});

it('a WORK_STATUS.md deleted from the working tree (not staged) is no way around the locks either', () => {
  const repo = setUp();
  fs.rmSync(path.join(repo.dir, 'WORK_STATUS.md'));
  repo.write('src/a.ts', 'changed\n');
  repo.ok(['add', 'src/a.ts']);
  const blocked = repo.commit('a edits a locked file', { env: a });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('is locked by agent-b');
  // orch lock does not start a new file holding only the new lock
  const lock = repo.orch(['lock', 'src/b.ts'], { env: a });
  expect(lock.code).toBe(2);
  expect(lock.stderr).toContain('git restore WORK_STATUS.md');
  expect(fs.existsSync(path.join(repo.dir, 'WORK_STATUS.md'))).toBe(false);
  // the deletion stays the person's own, unstaged change
  repo.ok(['reset', '-q', 'src/a.ts']);
  repo.ok(['checkout', '-q', '--', 'src/a.ts']);
  repo.write('src/b.ts', 'b\n');
  repo.ok(['add', 'src/b.ts']);
  const ok = repo.commit('a adds a free file', { env: a });
  expect(ok.code, ok.out).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*A src\/b\.ts/);
  expect(repo.ok(['status', '--porcelain'])).toBe(' D WORK_STATUS.md\n');
});
