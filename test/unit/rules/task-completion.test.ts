import { afterAll, describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/task-completion.js';
import type { FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput, type RuleInputSpec } from '../../helpers/makeRuleInput.js';
import { stagedChangeSet } from '../../helpers/stagedChangeSet.js';
import { cleanupAll, tempRepo } from '../../helpers/tempRepo.js';

afterAll(cleanupAll);

const STATUS = 'WORK_STATUS.md';
const INDEX = 'orchestration-index.md';

interface Row {
  path: string;
  agent: string;
  task: string;
}
function statusText(locks: Row[], log: string[] = []): string {
  return [
    '# Work Status',
    '',
    '## Locks',
    '',
    '| Path | Agent | Task | Since | Expires | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...locks.map((l) => `| ${l.path} | ${l.agent} | ${l.task} | 2026-11-26T09:00Z |  |  |`),
    '',
    '## Log',
    '',
    ...log,
    '',
  ].join('\n');
}

const mine = (path: string, task = 'T-7'): Row => ({ path, agent: 'backend-architect', task });
const theirs = (path: string, task = 'T-9'): Row => ({ path, agent: 'frontend-specialist', task });

/** A change of the status file from `before` to `after`, plus `also` (other changed files). */
function statusChange(before: string, after: string, also: FileChange[] = []) {
  return makeChangeSet({
    files: [{ status: 'M', path: STATUS }, ...also],
    old: { [STATUS]: before },
    new: { [STATUS]: after },
  });
}
const check = (changes: ReturnType<typeof makeChangeSet>, spec: Partial<RuleInputSpec> = {}) =>
  rule.check(makeRuleInput({ changes, ...spec }));

describe('task-completion', () => {
  it('reports releasing the last lock of a task without the index, naming the task, the index and the fix', async () => {
    const changes = statusChange(statusText([mine('src/a.ts'), theirs('web/b.ts')]), statusText([theirs('web/b.ts')]));
    expect(await check(changes)).toEqual([
      {
        rule: 'task-completion',
        path: INDEX,
        message: `task T-7 is completed by this change (its last lock is released or it is marked done), but ${INDEX} is not updated. Add a line for T-7 — what was built, where, decisions others need — to ${INDEX} and stage it.`,
        fix: `git add ${INDEX}`,
      },
    ]);
    expect(rule.defaultSeverity('pre-commit')).toBe('error');
  });

  it('passes when the same change updates the index (or renames it)', async () => {
    const before = statusText([mine('src/a.ts')]);
    const after = statusText([]);
    expect(await check(statusChange(before, after, [{ status: 'M', path: INDEX }]))).toEqual([]);
    expect(await check(statusChange(before, after, [{ status: 'R', path: 'docs/index.md', oldPath: INDEX }]))).toEqual(
      [],
    );
  });

  it('does not complete a task that still holds a lock, nor one released by anyone but its holder', async () => {
    const twoLocks = statusText([mine('src/a.ts'), mine('src/b.ts')]);
    expect(await check(statusChange(twoLocks, statusText([mine('src/b.ts')])))).toEqual([]);
    // a steal of another agent's lock completes nothing of theirs
    expect(await check(statusChange(statusText([theirs('web/b.ts')]), statusText([])))).toEqual([]);
    // nor does fixing a lock line whose holder could not be read
    const unknown = { path: 'src/a.ts', agent: '(unknown holder)', task: 'T-3' };
    expect(await check(statusChange(statusText([unknown]), statusText([])))).toEqual([]);
  });

  it("compares the holder's name without case, and ignores auto-locks released at a session's end", async () => {
    const shouted = { path: 'src/a.ts', agent: 'Backend-Architect', task: 'T-7' };
    expect(await check(statusChange(statusText([shouted]), statusText([])))).toHaveLength(1);
    expect(await check(statusChange(statusText([mine('src/a.ts', 'auto')]), statusText([])))).toEqual([]);
  });

  it('reports a completion entry added to the Log, and a Task-Done trailer', async () => {
    const base = statusText([theirs('web/b.ts')]);
    const done = statusText(
      [theirs('web/b.ts')],
      ['- 2026-11-26T11:00Z backend-architect done T-8: released src/a.ts'],
    );
    const [f] = await check(statusChange(base, done));
    expect(f.message).toMatch(/^task T-8 is completed by this change/);
    const trailer = makeChangeSet({
      files: [{ status: 'M', path: 'src/a.ts' }],
      commit: { trailers: { 'task-done': ['T-11', ' '] } },
    });
    expect((await check(trailer)).map((x) => x.message.split(' is ')[0])).toEqual(['task T-11']);
  });

  it('uses the configured index file', async () => {
    const changes = statusChange(statusText([mine('src/a.ts')]), statusText([]), [
      { status: 'M', path: 'docs/index.md' },
    ]);
    expect(await check(changes, { config: { indexFile: 'docs/index.md' } })).toEqual([]);
    const [f] = await check(changes, { config: { indexFile: 'docs/tasks.md' } });
    expect(f).toMatchObject({ path: 'docs/tasks.md', fix: 'git add docs/tasks.md' });
  });

  it('reads what git staged in a CRLF status file: a done line only appended, then a lock row removed', async () => {
    const repo = tempRepo({ init: false });
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const both = [mine('src/a.ts', 'T-5'), mine('src/b.ts', 'T-6')];
    repo.write(STATUS, crlf(statusText(both)));
    repo.write(INDEX, '# Index\n');
    repo.ok(['add', '-A']);
    repo.ok(['commit', '-q', '-m', 'start']);
    const doneT6 = '- 2026-11-26T11:00Z backend-architect done T-6';
    repo.write(STATUS, crlf(statusText(both, [doneT6])));
    repo.ok(['add', STATUS]);
    const appended = await check(await stagedChangeSet(repo));
    expect(appended.map((f) => f.message.split(' is ')[0])).toEqual(['task T-6']);
    repo.write(STATUS, crlf(statusText([mine('src/b.ts', 'T-6')])));
    repo.ok(['add', STATUS]);
    const released = await check(await stagedChangeSet(repo));
    expect(released.map((f) => f.message.split(' is ')[0])).toEqual(['task T-5']);
    repo.write(INDEX, '# Index\n- T-5: orders API in src/a.ts\n');
    repo.ok(['add', INDEX]);
    expect(await check(await stagedChangeSet(repo))).toEqual([]);
  });
});
