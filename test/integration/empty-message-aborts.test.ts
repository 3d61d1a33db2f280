// A message with nothing but comments and blank lines aborts the commit, exactly as in
// plain git: the commit-msg hook adds no trailers to it (they would become its subject).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('emptying the message in the editor aborts the commit; the next real message gets one entry and the trailers', () => {
  const repo = tempRepo();
  const agent = { ORCH_AGENT: 'frontend-developer' };
  // an "editor" that leaves only comments (in the repository's comment character) and blanks
  const editor = path.join(path.dirname(repo.dir), 'empty-editor.sh');
  fs.writeFileSync(
    editor,
    '#!/bin/sh\nc=$(git config core.commentChar || echo "#")\nprintf "\\n%s Please enter the commit message\\n\\n%s nothing here\\n\\n" "$c" "$c" > "$1"\n',
    { mode: 0o755 },
  );
  const head = repo.ok(['rev-parse', 'HEAD']);
  repo.write('src/app.js', 'export {};\n');
  repo.ok(['add', 'src/app.js']);

  const emptied = repo.git(['commit'], { env: { ...agent, GIT_EDITOR: editor } });
  expect(emptied.code).toBe(1);
  expect(emptied.stderr).toContain('Aborting commit due to empty commit message');
  expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);

  // another comment character: the same
  repo.ok(['config', 'core.commentChar', ';']);
  const semicolon = repo.git(['commit', '-v'], { env: { ...agent, GIT_EDITOR: editor } });
  expect(semicolon.code).toBe(1);
  expect(semicolon.stderr).toContain('Aborting commit due to empty commit message');
  expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);
  repo.ok(['config', '--unset', 'core.commentChar']);

  // blank lines and a sign-off only, with -m: git calls that empty too
  const signoff = repo.git(['commit', '-m', '  \n', '-s'], { env: agent });
  expect(signoff.code).toBe(1);
  expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);

  // without an editor git keeps "#" lines (whitespace cleanup): that message is not empty
  const hashed = repo.git(['commit', '-q', '-m', '# 1 of 2: the app'], { env: agent });
  expect(hashed.code, hashed.out).toBe(0);
  const body = repo.ok(['log', '-1', '--format=%B']);
  expect(body.split('\n')[0]).toBe('# 1 of 2: the app');
  expect(body).toContain('Agent: frontend-developer');
  // the aborted attempts left no entry behind: the commit carries one
  const log = repo
    .ok(['show', 'HEAD:WORK_STATUS.md'])
    .split('\n')
    .filter((l) => l.includes('frontend-developer: A src/app.js'));
  expect(log).toHaveLength(1);
  expect(repo.ok(['status', '--porcelain'])).toBe('');
});
