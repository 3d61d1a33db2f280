// A contract change comes with its proof: the implementation or tests that show it works
// (the agent prompt's "NEVER design APIs without proven endpoint functionality"). Judged
// over the whole change: at pre-commit the proof may still come in a later commit of the
// push, so it only warns there.
import type { ContractConfig } from '../config/schema.js';
import { lastCommitTouching } from '../compose/lastCommitTouching.js';
import { globMatcher } from '../match/globMatcher.js';
import type { ChangeSet, FileChange, RawFinding } from '../types.js';
import { onProtectedBranch } from './onProtectedBranch.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'contract-proof',
  defaultSeverity: (context) => (context === 'pre-commit' || context === 'check' ? 'warning' : 'error'),
  summary: 'A change to a contract path must also change one of its proof paths (tests or implementation).',
  docs: `contract-proof — a contract change comes with the proof that it works.

Each contract group may name "proof" globs: the implementation and tests that show the
contract works. A change that adds, modifies or renames a path of the group must also
add or modify at least one path matching the group's proof globs (a path that is itself
part of the contract does not count as its proof). Judged over the whole change:
  - pre-commit: a warning (the proof may come in the next commit of the same push);
  - pre-push, CI and pre-receive, over the range: an error on branches matching
    review.branches ("@default" is the default branch), a warning on other branches;
  - \`orch check\`: a warning.
A change that only deletes contract paths is exempt. The finding names the contract path,
the last commit of the range that changed it, and the proof globs it looked for.

\`orch init\` writes proof globs for its default groups: test directories (test/, tests/,
__tests__/, spec/, e2e/) and *.test.*, *.spec.*, *_test.*, test_*.py files; for schemas
also files named as migration tests. A group without "proof" is not checked.

Why: the protocol says never to design an API without proven endpoint functionality and
never to propose a schema without testing it against a database.

What to do: add or update the test or implementation that exercises the change, in the
same commit or a later commit of the same push.

Config: contracts[].proof, review.branches, rules["contract-proof"].`,

  check(input) {
    const changes = input.range ?? input.changes;
    const groups = input.config.contracts.filter((c) => c.proof && c.proof.length > 0);
    if (groups.length === 0) return [];
    const warnOnly = input.context === 'pre-commit' || input.context === 'check' || !onProtectedBranch(input);
    const files = changes.files.filter((f) => !f.submodule);
    const findings: RawFinding[] = [];
    for (const group of groups) findings.push(...groupFindings(group, files, changes, warnOnly, input.ignoreCase));
    return findings;
  },
};

function groupFindings(
  group: ContractConfig,
  files: FileChange[],
  changes: ChangeSet,
  warnOnly: boolean,
  ignoreCase: boolean,
): RawFinding[] {
  const isContract = globMatcher(group.paths, { ignoreCase });
  const isProof = globMatcher(group.proof!, { ignoreCase });
  // deleting (or renaming away) a contract file needs no proof: nothing new is promised
  const changed = files.filter((f) => f.status !== 'D' && isContract(f.path));
  if (changed.length === 0) return [];
  // a deleted test proves nothing, nor does a test moved unchanged; a contract file is
  // not its own proof
  if (files.some((f) => changesContent(f) && isProof(f.path) && !isContract(f.path))) return [];
  const globs = group.proof!.join(', ');
  return changed.map((f) => {
    const commit = lastCommitTouching(changes, f.path);
    const where = commit ? ` (commit ${commit.slice(0, 12)})` : '';
    return {
      rule: 'contract-proof',
      ...(warnOnly ? { severity: 'warning' as const } : {}),
      path: f.path,
      ...(commit ? { commit } : {}),
      message: `${f.path} changed the "${group.name}" contract${where} without any change to its proof: no added or modified file matches ${globs}.`,
      fix: `Add or update a test or the implementation that exercises ${f.path} (a path matching one of: ${globs}) in this change or a later commit of the same push.`,
    };
  });
}

/** Added, modified or copied — or renamed with its content changed: a pure move shows nothing new. */
function changesContent(f: FileChange): boolean {
  if (f.status === 'A' || f.status === 'M' || f.status === 'C') return true;
  return f.status === 'R' && (f.oldBlob === undefined || f.newBlob === undefined || f.oldBlob !== f.newBlob);
}
