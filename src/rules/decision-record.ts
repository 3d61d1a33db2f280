// Architectural decisions are written down: a change that adds a service or a contract
// file also changes the orchestration index, where `orch decide` records decisions.
import type { ContractConfig } from '../config/schema.js';
import { addedMarkerDirs } from '../compose/addedMarkerDirs.js';
import { findComposeFiles } from '../compose/findComposeFiles.js';
import { isComposeFile } from '../compose/isComposeFile.js';
import { lastCommitTouching } from '../compose/lastCommitTouching.js';
import { globMatcher } from '../match/globMatcher.js';
import type { ChangeSet, FileChange, RawFinding } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

export const rule: Rule = {
  id: 'decision-record',
  defaultSeverity: () => 'warning',
  summary: 'A change that adds a service or a contract file must also change the orchestration index (orch decide).',
  docs: `decision-record — new services and new contracts come with a recorded decision.

A change (at pre-commit the staged change; at pre-push, in CI and in pre-receive the
whole range) that adds
  - a new service: a new service directory (as new-service-container finds them: a
    directory under a service root that gains a Dockerfile or manifest), or a service
    name that no compose file had before the change; or
  - a new contract file: a file added to (or moved into) the paths of a contract group
must also change the orchestration index (indexFile, default orchestration-index.md).
The finding names the new service or contract, the commit that added it and the command.

Record the decision with
  orch decide "<title>" --context "<why it came up>" --decision "<what was decided>" \\
    [--consequences "<what follows>"]
which appends a dated, attributed record to the Decisions section of the index (creating
the section, or the file, when missing) and changes nothing else in it. Commit the index
with the change, or in a later commit of the same push.

Warnings by default; set rules["decision-record"] to "error" to block.

Why: the protocol has the architect create architectural decisions and document them in
orchestration-index.md.

Config: indexFile, contracts[].paths, services.roots, rules["decision-record"].`,

  async check(input) {
    const changes = input.range ?? input.changes;
    const files = changes.files.filter((f) => !f.submodule);
    const index = input.config.indexFile;
    if (files.some((f) => f.path === index && f.status !== 'D')) return [];
    const added: { path: string; what: string }[] = [];
    for (const f of newContractFiles(files, input.config.contracts, input.ignoreCase))
      added.push({ path: f.path, what: `the new contract file ${f.path}` });
    added.push(...(await newServices(changes, input)));
    if (added.length === 0) return [];
    return added.map(({ path, what }): RawFinding => {
      const commit = lastCommitTouching(changes, path);
      return {
        rule: 'decision-record',
        path,
        ...(commit ? { commit } : {}),
        message: `${what} is added${commit ? ` (commit ${commit.slice(0, 12)})` : ''} without a decision record: ${index} is not changed.`,
        fix: `orch decide "<title>" --context "<why>" --decision "<what was decided>" [--consequences "<what follows>"], then commit ${index} with this change.`,
      };
    });
  },
};

/** Files added to a contract group's paths (added, copied, or renamed in from outside). */
function newContractFiles(
  files: FileChange[],
  contracts: readonly ContractConfig[],
  ignoreCase: boolean,
): FileChange[] {
  if (contracts.length === 0) return [];
  const isContract = globMatcher(
    contracts.flatMap((c) => c.paths),
    { ignoreCase },
  );
  return files.filter(
    (f) =>
      (f.status === 'A' || f.status === 'C' || (f.status === 'R' && !isContract(f.oldPath ?? ''))) &&
      isContract(f.path),
  );
}

/** New service directories and new compose service names; the compose reader loads only when something may be new. */
async function newServices(changes: ChangeSet, input: RuleInput): Promise<{ path: string; what: string }[]> {
  const compose = changes.files.filter(
    (f) => f.status !== 'D' && !f.submodule && isComposeFile(f.path, input.config.services.compose),
  );
  if (compose.length === 0 && addedMarkerDirs(changes.files).size === 0) return [];
  const [{ findNewServices }, { readComposeFiles }] = await Promise.all([
    import('../compose/findNewServices.js'),
    import('../compose/readComposeFiles.js'),
  ]);
  const out: { path: string; what: string }[] = [];
  const dirs = await findNewServices(changes, input.config.services, {
    ignoreCase: input.ignoreCase,
    composeFiles: async () =>
      readComposeFiles(changes, findComposeFiles(await changes.listFiles('new'), input.config), 'new'),
  });
  for (const d of dirs) out.push({ path: d.markers[0] ?? d.dir, what: `the new service ${d.dir}/` });
  if (compose.length > 0) {
    // a name is new when no compose file of the project had it before the change
    const [before, after] = await Promise.all([
      changes.listFiles('old').then((all) => readComposeFiles(changes, findComposeFiles(all, input.config), 'old')),
      readComposeFiles(
        changes,
        compose.map((f) => f.path),
        'new',
      ),
    ]);
    const had = new Set(before.flatMap((f) => f.services.map((s) => s.name)));
    const seen = new Set<string>();
    for (const file of after) {
      for (const s of file.services) {
        if (had.has(s.name) || seen.has(s.name)) continue;
        seen.add(s.name);
        out.push({ path: file.file, what: `the new compose service "${s.name}" (${file.file}, line ${s.line})` });
      }
    }
  }
  return out;
}
