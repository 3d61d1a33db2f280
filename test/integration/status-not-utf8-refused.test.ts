// A status file with bytes that are not UTF-8 (here Latin-1 "café") is never re-encoded:
// `orch lock` and the commit's Log append refuse with exit 2 and change nothing; once the
// file is UTF-8, every byte outside the edited rows stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('refuses to rewrite a Latin-1 status file, then keeps every byte of the UTF-8 one', () => {
  const repo = tempRepo();
  const file = path.join(repo.dir, 'WORK_STATUS.md');
  const latin1 = Buffer.concat([
    fs.readFileSync(file),
    Buffer.from('\nNotes: meet at the caf'),
    Buffer.from([0xe9]),
    Buffer.from(' at noon.\n'),
  ]);
  fs.writeFileSync(file, latin1);
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'Notes']);
  const lineNo =
    latin1
      .toString('latin1')
      .split('\n')
      .findIndex((l) => l.includes('caf')) + 1;
  const agent = { ORCH_AGENT: 'backend-architect' };

  const lock = repo.orch(['lock', 'src/app.ts'], { env: agent });
  expect(lock.code).toBe(2);
  expect(lock.stderr).toContain(`WORK_STATUS.md line ${lineNo} is not UTF-8 (byte 0xE9)`);
  expect(lock.stderr).toContain('iconv');
  expect(lock.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(fs.readFileSync(file).equals(latin1)).toBe(true);

  const head = repo.ok(['rev-parse', 'HEAD']);
  repo.write('src/app.ts', 'export {};\n');
  repo.ok(['add', 'src/app.ts']);
  const commit = repo.commit('Add the app', { env: agent });
  expect(commit.code).not.toBe(0); // git exits 1 whatever the hook returned
  expect(commit.stderr).toContain('is not UTF-8 (byte 0xE9)');
  expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);
  expect(fs.readFileSync(file).equals(latin1)).toBe(true);
  expect(repo.ok(['diff', '--cached', '--name-only']).trim()).toBe('src/app.ts');

  // converted to UTF-8: the lock row and the Log entry are the only bytes that change
  const utf8 = Buffer.from(latin1.toString('latin1'), 'utf8');
  fs.writeFileSync(file, utf8);
  repo.ok(['add', 'WORK_STATUS.md']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'Status file as UTF-8', '--', 'WORK_STATUS.md']);
  const relock = repo.orch(['lock', 'src/app.ts'], { env: agent });
  expect(relock.code, relock.out).toBe(0);
  const done = repo.commit('Add the app', { env: agent });
  expect(done.code, done.out).toBe(0);
  const after = fs.readFileSync(file).toString('utf8');
  expect(after).toContain('meet at the café at noon.');
  const withoutEdits = after
    .split('\n')
    .filter((l) => !l.startsWith('| src/app.ts | backend-architect') && !/^- \d{4}-\S+ backend-architect/.test(l))
    .join('\n');
  expect(Buffer.from(withoutEdits, 'utf8').equals(utf8)).toBe(true);
});
