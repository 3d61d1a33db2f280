// foreign-edit: `git add -A` in a shared working tree sweeps another agent's uncommitted
// edits into this commit. The harness's post-edit hook records who edited what
// (src/store/editLog.ts); a staged path whose latest recorded edit belongs to another
// agent, and whose content at HEAD is not what that edit left (so it is not committed
// yet), is that agent's work.
import { sameAgent } from '../identity/sameAgent.js';
import { shellQuote } from '../shellQuote.js';
import type { RawFinding } from '../types.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'foreign-edit',
  defaultSeverity: (context) => (context === 'pre-commit' || context === 'check' ? 'error' : 'off'),
  summary: "A staged path carries another agent's uncommitted edit (recorded by the harness's post-edit hook).",
  docs: `foreign-edit — a staged path whose latest uncommitted edit was made by another agent.

Agents sharing one working tree edit different files; one agent's \`git add -A\` (or
\`git commit -a\`) then stages the other's half-done work and commits it under the wrong
name. With the harness hooks installed (\`orch init --agent-hooks …\`), every edit an agent
makes through its harness is recorded after the fact — which agent, which path, what the
file held afterwards — in .git/orch/edits.log (shared by all worktrees, never committed,
bounded in size). At pre-commit, a staged path whose latest record belongs to another
agent, and whose committed version is not yet what that edit left, is reported.

An error when an agent commits; a warning when a person does (people may commit
anything on purpose). Pre-commit only: ranges do not have the record.

What to do: commit only your own work, and leave the other agent's file to it:
  git restore --staged <path>

Config: rules["foreign-edit"].`,
  check(input) {
    const edits = input.edits;
    if (!edits || edits.size === 0 || !input.identity.name) return [];
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const f of input.changes.files) {
      const sides: [string, string | undefined][] = [
        [f.path, f.status === 'A' || f.status === 'R' || f.status === 'C' ? undefined : f.oldBlob],
      ];
      if (f.oldPath && f.status === 'R') sides.push([f.oldPath, f.oldBlob]);
      for (const [p, headBlob] of sides) {
        if (seen.has(p)) continue;
        seen.add(p);
        const rec = edits.get(p);
        if (!rec || sameAgent(rec.agent, input.identity.name)) continue;
        // committed already: HEAD holds what the edit left (or lacks what it deleted)
        if ((rec.blob ?? undefined) === headBlob) continue;
        findings.push({
          rule: 'foreign-edit',
          ...(input.identity.isAgent ? {} : { severity: 'warning' as const }),
          path: p,
          holder: rec.agent,
          message: `${p} has uncommitted edits by ${rec.agent} from ${ago(input.now.getTime() - rec.at)}; commit only your own work.`,
          fix: `git restore --staged ${shellQuote(p)}`,
        });
      }
    }
    return findings;
  },
};

function ago(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60e3));
  if (min < 1) return 'less than a minute ago';
  if (min < 60) return `${min} minute${min === 1 ? '' : 's'} ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return `${Math.round(h / 24)} days ago`;
}
