// The pre-tool check's fastest answer comes from the edit index in .git/orch (README:
// "Speed"): it must give the answer the full check gives, for a locked path, a free one
// and one under the agent's own lock, after a lock appears or goes, after a hand edit
// that keeps the status file's size, after the configuration changes, and with a lock
// taken in another worktree.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { editIndexPath, RACY_MS, readEditIndex } from '../../src/agent/editIndex.js';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const HOLDER = { ORCH_AGENT: 'backend-architect' };
const ME = { ORCH_AGENT: 'frontend-specialist' };

/** Waits until what was just written is older than the index's racy window, so it may be indexed. */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 150);
}

function guard(repo: TempRepo, file: string, env: NodeJS.ProcessEnv) {
  const input = JSON.stringify({
    session_id: 's1',
    transcript_path: '/dev/null',
    cwd: repo.dir,
    hook_event_name: 'PreToolUse',
    tool_name: 'Edit',
    tool_input: { file_path: path.join(repo.dir, file), old_string: 'a', new_string: 'b' },
  });
  const r = repo.orch(['guard', '--harness', 'claude'], { input, env });
  expect(r.code, r.out).toBe(0);
  return r.stdout;
}

/** The answer for `file`, checked against the full command's (no edit-hook bundles). */
function answer(repo: TempRepo, file: string): 'allow' | 'deny' {
  const fast = guard(repo, file, ME);
  const full = guard(repo, file, { ...ME, ORCH_NO_FAST_HOOKS: '1' });
  expect(fast, `${file}: the fast answer differs from the full check's`).toBe(full);
  return fast === '' ? 'allow' : JSON.parse(fast).hookSpecificOutput.permissionDecision;
}

/** The answer once the index was rebuilt for the files as they are now, and is used. */
function indexedAnswer(repo: TempRepo, file: string): 'allow' | 'deny' {
  settle();
  guard(repo, file, ME); // the quick check writes the index for the files as they are now
  // (the built orch's version, which the sources here do not know)
  const gitDir = path.join(repo.dir, '.git');
  const version = JSON.parse(fs.readFileSync(editIndexPath(gitDir), 'utf8')).v;
  expect(readEditIndex(repo.dir, gitDir, version), 'the edit index is in use').not.toBeNull();
  return answer(repo, file);
}

it('the edit index gives the full check’s answer as locks, the status file and the configuration change', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  repo.write('src/app.js', 'export const a = 1\n');
  repo.ok(['add', 'src/app.js']);
  repo.ok(['commit', '-q', '-m', 'app', '--no-verify']);
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-5'], { env: HOLDER }).code).toBe(0);

  expect(indexedAnswer(repo, 'src/free.js')).toBe('allow');
  expect(answer(repo, 'src/app.js')).toBe('deny');
  expect(answer(repo, 'SRC/App.js')).toBe('deny');

  // the agent's own lock, which never expires, lets its edits through
  expect(repo.orch(['lock', 'src/mine/', '--task', 'T-8'], { env: ME }).code).toBe(0);
  expect(indexedAnswer(repo, 'src/mine/a.js')).toBe('allow');
  expect(guard(repo, 'src/mine/a.js', HOLDER)).toContain('"deny"');

  // a new lock binds at once, and after the index is rebuilt
  expect(repo.orch(['lock', 'src/free.js', '--task', 'T-6'], { env: HOLDER }).code).toBe(0);
  expect(answer(repo, 'src/free.js')).toBe('deny');
  expect(indexedAnswer(repo, 'src/free.js')).toBe('deny');

  // a removed lock frees the path
  expect(repo.orch(['unlock', 'src/free.js'], { env: HOLDER }).code).toBe(0);
  expect(answer(repo, 'src/free.js')).toBe('allow');
  expect(indexedAnswer(repo, 'src/ap2.js')).toBe('allow');

  // a hand edit in place that keeps the file's size: the lock moves to src/ap2.js
  const statusFile = path.join(repo.dir, 'WORK_STATUS.md');
  const before = fs.readFileSync(statusFile, 'utf8');
  const after = before.replace('| src/app.js |', '| src/ap2.js |');
  expect(after.length).toBe(before.length);
  fs.writeFileSync(statusFile, after);
  settle();
  expect(answer(repo, 'src/ap2.js')).toBe('deny');
  expect(answer(repo, 'src/app.js')).toBe('allow');

  // the configuration: a person gives docs/ to docs-writer
  expect(indexedAnswer(repo, 'docs/guide.md')).toBe('allow');
  const rc = JSON.parse(repo.read('.orchrc.json'));
  rc.contracts = [...(rc.contracts ?? []), { name: 'docs', paths: ['docs/**'], owners: ['docs-writer'] }];
  repo.write('.orchrc.json', JSON.stringify(rc, null, 2));
  settle();
  expect(answer(repo, 'docs/guide.md')).toBe('deny');
  expect(indexedAnswer(repo, 'docs/guide.md')).toBe('deny');

  // a lock taken in another worktree binds this one
  expect(indexedAnswer(repo, 'src/lib.js')).toBe('allow');
  const other = path.join(path.dirname(repo.dir), 'other');
  repo.ok(['worktree', 'add', '-q', '-b', 'other', other]);
  expect(repo.orch(['lock', 'src/lib.js', '--task', 'T-7'], { env: HOLDER, cwd: other }).code).toBe(0);
  settle();
  expect(answer(repo, 'src/lib.js')).toBe('deny');
  expect(indexedAnswer(repo, 'src/lib.js')).toBe('deny');
});
