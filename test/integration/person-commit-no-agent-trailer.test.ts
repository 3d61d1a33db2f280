// A commit made by a person (no agent identity: only a git email) carries no Agent:
// trailer — no claim to be an agent — while an agent's commit does.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a person gets no Agent: trailer (a Task: still), an agent does', () => {
  const repo = tempRepo();
  repo.write('notes.md', 'hello\n');
  repo.ok(['add', 'notes.md']);
  const person = repo.commit('Add notes', { env: { ORCH_TASK: 'T-7' } });
  expect(person.code, person.out).toBe(0);
  const personBody = repo.ok(['log', '-1', '--format=%B']);
  expect(personBody).not.toMatch(/^Agent:/m);
  expect(personBody).toMatch(/^Task: T-7$/m);
  // the Log still says who committed
  expect(repo.read('WORK_STATUS.md')).toMatch(/person@example\.test T-7: A notes\.md/);

  repo.write('notes.md', 'hello again\n');
  repo.ok(['add', 'notes.md']);
  expect(repo.commit('Edit notes', { env: { ORCH_AGENT: 'docs-writer' } }).code).toBe(0);
  expect(repo.ok(['log', '-1', '--format=%B'])).toMatch(/^Agent: docs-writer$/m);

  // the range check names the person's commit as judged by its author email, not as an agent's
  const ci = repo.orch(['check', '--range', 'HEAD~2..HEAD']);
  expect(ci.code, ci.out).toBe(0);
  expect(ci.out).toMatch(/1 commit carries no Agent: trailer \(a person's, .*"Add notes"/);
});
