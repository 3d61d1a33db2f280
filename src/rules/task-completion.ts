import { addedLines } from '../text/addedLines.js';
import { parseDoneEntry } from '../status/doneEntry.js';
import { readStatus } from '../status/readStatus.js';
import { sameAgent } from '../identity/sameAgent.js';
import type { RawFinding } from '../types.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'task-completion',
  defaultSeverity: () => 'error',
  summary: 'A change that completes a task must also update orchestration-index.md.',
  docs: `task-completion — a change that completes a task also updates the orchestration index.

The protocol: "Update both orchestration-index.md AND WORK_STATUS.md when completing
tasks." A change completes a task when
  - it removes the last lock of that task from the status file,
  - it adds a completion entry to the Log (what \`orch done <task>\` writes), or
  - its commit message carries a \`Task-Done: <id>\` trailer (commit ranges).
Such a change must also modify the index file (config indexFile, default
orchestration-index.md).

What to do: add a line for the task to orchestration-index.md — what was built, where it
lives, decisions others need — and stage it in the same commit:
  git add orchestration-index.md

Config: indexFile, statusFile, rules["task-completion"].`,
  async check(input) {
    const { config, changes } = input;
    const touched = (p: string) => changes.files.some((f) => f.path === p || f.oldPath === p);
    if (touched(config.indexFile)) return [];
    const completed = new Set<string>();
    for (const t of changes.commit?.trailers['task-done'] ?? []) if (t.trim()) completed.add(t.trim());
    if (touched(config.statusFile)) {
      // lines only inserted: no lock was released, and a completion can only be among them
      const inserted = await changes.insertedLines(config.statusFile);
      if (inserted) {
        for (const line of inserted) {
          const done = parseDoneEntry(line);
          if (done) completed.add(done.task);
        }
        return findingsFor(completed, config.indexFile);
      }
      const [before, after] = await Promise.all([
        changes.read(config.statusFile, 'old'),
        changes.read(config.statusFile, 'new'),
      ]);
      // the committer's own tasks only: a steal does not complete someone else's task
      const tasksOf = (text: string | null, mine: boolean) =>
        new Set(
          readStatus(text ?? '')
            .locks.filter((l) => !mine || sameAgent(l.agent, input.identity.name))
            .map((l) => l.task)
            .filter((t): t is string => Boolean(t)),
        );
      const open = tasksOf(after, false);
      // auto-locks (task "auto", taken by the edit-time guard) released at a session's end
      // complete no task
      for (const t of tasksOf(before, true)) if (!open.has(t) && t !== 'auto') completed.add(t);
      for (const { text } of addedLines(before, after)) {
        const done = parseDoneEntry(text);
        if (done) completed.add(done.task);
      }
    }
    return findingsFor(completed, config.indexFile);
  },
};

function findingsFor(completed: Set<string>, indexFile: string): RawFinding[] {
  return [...completed].map((task) => ({
    rule: 'task-completion' as const,
    path: indexFile,
    message: `task ${task} is completed by this change (its last lock is released or it is marked done), but ${indexFile} is not updated. Add a line for ${task} — what was built, where, decisions others need — to ${indexFile} and stage it.`,
    fix: `git add ${indexFile}`,
  }));
}
