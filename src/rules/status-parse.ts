// A lock nobody can see protects nothing: a line of a lock section that looks like content
// but yields no lock is named with its line number. The lines come from the collect step
// (the working tree's file; at a range, the lines the range adds), in `input.collected`.
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'status-parse',
  defaultSeverity: () => 'warning',
  summary: 'A line of a lock section of the status file could not be read.',
  docs: `status-parse — a line in a lock section of WORK_STATUS.md could not be read.

orch reads many formats of lock tables, bullets and blocks (see the README). A line in an
active lock section that looks like content but yields no lock is reported as a warning
with its line number, so a lock nobody can see does not silently fail to protect a file.
It never blocks a commit unless rules["status-parse"] is "error". A range (pre-push, ci,
pre-receive) reports only the unreadable lines it adds.

What to do: rewrite the line as a row of the canonical table
  | Path | Agent | Task | Since | Expires | Note |
or move prose out of the lock section.

Config: statusFile, rules["status-parse"] ("error" blocks, "off" skips).`,
  check: () => [],
  collected(input) {
    const file = input.config.statusFile;
    return (input.collected?.statusProblems ?? []).map((p) => ({
      rule: 'status-parse' as const,
      path: file,
      line: p.line,
      message: `line ${p.line} of ${file} could not be read as a lock: ${p.message} — "${p.text.trim().slice(0, 80)}"`,
      fix: 'Rewrite the line as a row of the Locks table: | Path | Agent | Task | Since | Expires | Note |',
    }));
  },
};
