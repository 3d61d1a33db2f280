import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

/** Claude Code's PreToolUse input, as it sends it on stdin. */
function preToolUse(repo: TempRepo, tool: string, toolInput: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: 'abc123',
    transcript_path: path.join(repo.dir, '..', 'transcript.jsonl'),
    cwd: repo.dir,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: toolInput,
  });
}

it('orch guard: blocks an edit of a path locked by another agent (exit 2, reason on stderr); lets free paths, other tools and outside paths through', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', 'src/app.ts', '--task', 'T-5'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  repo.write('src/app.ts', 'export const a = 1\n');
  const other = { ORCH_AGENT: 'other' };
  const abs = (p: string) => path.join(repo.dir, p);

  const blocked = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'Edit', { file_path: abs('src/app.ts'), old_string: '1', new_string: '2' }),
  });
  expect(blocked.code).toBe(2);
  expect(blocked.stdout).toBe('');
  expect(blocked.stderr).toContain('src/app.ts is locked by holder');
  expect(blocked.stderr).toContain('task T-5');
  // what a model reads names the holder and one next step, and never suggests a steal
  expect(blocked.stderr).toContain('ask holder to release it');
  expect(blocked.stderr).not.toMatch(/steal|take it over/i);
  expect(blocked.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);

  // a new file under the lock of a directory, written with Write
  expect(repo.orch(['lock', 'src/billing/'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  const write = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'Write', { file_path: abs('src/billing/new.ts'), content: 'x' }),
  });
  expect(write.code).toBe(2);
  expect(write.stderr).toContain('covered by the lock on src/billing/');

  const free = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'Edit', { file_path: abs('src/free.ts'), old_string: 'a', new_string: 'b' }),
  });
  expect(free.code, free.out).toBe(0);
  expect(free.out).toBe('');

  // the holder itself may edit
  expect(
    repo.orch(['guard'], {
      env: { ORCH_AGENT: 'holder' },
      input: preToolUse(repo, 'MultiEdit', { file_path: abs('src/app.ts'), edits: [] }),
    }).code,
  ).toBe(0);

  // reading is not editing; paths outside the repository are not orch's business
  const read = repo.orch(['guard'], { env: other, input: preToolUse(repo, 'Read', { file_path: abs('src/app.ts') }) });
  expect([read.code, read.out]).toEqual([0, '']);
  const outside = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'Write', { file_path: path.join(repo.dir, '..', 'elsewhere.txt'), content: '' }),
  });
  expect([outside.code, outside.out]).toEqual([0, '']);

  // a contract the agent does not own (default contracts: openapi belongs to backend-architect)
  const contract = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'Edit', { file_path: abs('api/openapi.yaml'), old_string: '', new_string: '' }),
  });
  expect(contract.code).toBe(2);
  expect(contract.stderr).toContain('owned by backend-architect');

  // NotebookEdit names its file notebook_path
  expect(repo.orch(['lock', 'notebooks/'], { env: { ORCH_AGENT: 'holder' } }).code).toBe(0);
  const nb = repo.orch(['guard'], {
    env: other,
    input: preToolUse(repo, 'NotebookEdit', { notebook_path: abs('notebooks/a.ipynb'), new_source: '' }),
  });
  expect(nb.code).toBe(2);

  // other harnesses: --path, relative to where it runs
  const byPath = repo.orch(['guard', '--path', 'src/app.ts'], { env: other, cwd: repo.dir });
  expect(byPath.code).toBe(2);
  expect(byPath.stderr).toContain('locked by holder');
  expect(repo.orch(['guard', '--path', 'src/free.ts'], { env: other }).code).toBe(0);

  // input the guard cannot read is reported, not turned into a block of every edit
  const garbage = repo.orch(['guard'], { env: other, input: 'not json' });
  expect(garbage.code).toBe(1);
  expect(garbage.stderr).toContain('could not check this edit');

  // nothing was written by the checks
  expect(fs.readFileSync(abs('WORK_STATUS.md'), 'utf8')).not.toContain('other');
});
