// The pre-commit framework (pre-commit.com): orch becomes a `repo: local` hook in
// .pre-commit-config.yaml, edited through yaml's Document API so comments and the other
// repositories stay as they were. It goes into the first repository entry when that one
// is already `repo: local`, else into a new local entry placed first: the framework runs
// repositories in order, and a blocked commit should not wait for formatters.
// Stages use the names of pre-commit ≥ 3.2 (pre-commit, commit-msg, post-commit);
// default_install_hook_types gains those stages so that `pre-commit install` installs
// them all. Hooks whose standard input git fills (pre-push) are left out: the framework
// does not hand that input to its hooks.
import fs from 'node:fs';
import path from 'node:path';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { OrchError } from '../errors.js';
import { loadYaml } from './loadYaml.js';
import { INSTALLED_HOOKS } from './hookShim.js';
import { generatedCommandPattern, managerHookCommand } from './managerHookCommand.js';
import { PRE_COMMIT_CONFIG } from './detectHookManagers.js';
import type { IntegrationPlan } from './plannedChange.js';

const NAMES: Record<string, string> = {
  'pre-commit': 'orch: locks, contract owners and the protocol',
  'commit-msg': 'orch: Agent and Task trailers',
  'post-commit': 'orch: status entry after a pathspec commit',
};

/** The hook id for one of orch's hooks: `orch` for pre-commit (as in .pre-commit-hooks.yaml). */
export function preCommitHookId(hook: string): string {
  return hook === 'pre-commit' ? 'orch' : `orch-${hook}`;
}

export interface FrameworkHook {
  id: string;
  name: string;
  entry: string;
  language: 'system';
  pass_filenames?: boolean;
  always_run: true;
  stages: string[];
}

export function frameworkHooks(bin: string): FrameworkHook[] {
  const out: FrameworkHook[] = [];
  for (const hook of INSTALLED_HOOKS) {
    const cmd = managerHookCommand(hook, bin, 'pre-commit');
    if (!cmd) continue;
    out.push({
      id: preCommitHookId(hook),
      name: NAMES[hook] ?? `orch: ${hook}`,
      entry: cmd.run,
      language: 'system',
      ...(cmd.passFilenames ? {} : { pass_filenames: false }),
      always_run: true,
      stages: [hook],
    });
  }
  return out;
}

type YamlModule = Awaited<ReturnType<typeof loadYaml>>;
type Doc = ReturnType<YamlModule['parseDocument']>;

export async function planPreCommitFramework(top: string, bin: string, installed: boolean): Promise<IntegrationPlan> {
  const file = path.join(top, PRE_COMMIT_CONFIG);
  const text = fs.readFileSync(file, 'utf8');
  const yaml = await loadYaml();
  const doc = yaml.parseDocument(text);
  const { root, repoList } = reposOf(doc, yaml);
  const wanted = frameworkHooks(bin);
  const { missing, updated } = reconcileHooks(wanted, configuredHooks(repoList, yaml));
  if (missing.length) insertHooks(doc, repoList, missing, yaml);
  // `pre-commit install` installs only pre-commit unless told otherwise
  const addedTypes = addInstallTypes(
    doc,
    root,
    wanted.map((w) => w.stages[0]),
    yaml,
  );

  const notes: string[] = [];
  const install = '`pre-commit install` (it installs the hook types listed in default_install_hook_types)';
  if (!missing.length && !updated.length && !addedTypes.length) {
    if (!installed) notes.push(`the pre-commit framework's hooks are not installed in this clone: run ${install}.`);
    return { changes: [], notes };
  }
  notes.push(`${PRE_COMMIT_CONFIG} changed: run ${install}; orch's hooks need pre-commit 3.2 or later.`);
  const left = INSTALLED_HOOKS.filter((h) => !wanted.some((w) => w.stages[0] === h));
  if (left.length) {
    notes.push(
      `the pre-commit framework does not hand git's input to ${left.join(', ')} hooks, so orch does not run there; \`orch ci\` in CI checks what is pushed.`,
    );
  }
  const detail = [
    ...missing.map((m) => `repo: local → id: ${m.id}, entry: ${m.entry}, stages: [${m.stages.join(', ')}]`),
    ...updated.map((id) => `id: ${id} → entry updated`),
    ...(addedTypes.length ? [`default_install_hook_types += ${addedTypes.join(', ')}`] : []),
  ].join('\n');
  return {
    changes: [
      {
        file,
        action: 'update',
        why: `run orch first (pre-commit framework: ${[...missing.map((m) => m.id), ...updated].join(', ') || 'hook types'})`,
        content: doc.toString({ lineWidth: 0, indentSeq: !/^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(text) }),
        detail,
      },
    ],
    notes,
  };
}

/** The top-level mapping and its "repos" list (created when absent); a file of another shape is bad input. */
function reposOf(doc: Doc, { isMap, isSeq, isScalar }: YamlModule): { root: YAMLMap; repoList: YAMLSeq } {
  const fixHint = { hint: `Fix ${PRE_COMMIT_CONFIG}, then run \`orch init\` again.` };
  if (doc.errors.length)
    throw new OrchError(`${PRE_COMMIT_CONFIG} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, fixHint);
  if (doc.contents === null) (doc as { contents: unknown }).contents = doc.createNode({ repos: [] });
  if (!isMap(doc.contents))
    throw new OrchError(`${PRE_COMMIT_CONFIG}: expected a mapping with a "repos" list at the top level.`, fixHint);
  const root = doc.contents as YAMLMap;
  let repos = root.get('repos', true);
  if (repos === undefined || (isScalar(repos) && repos.value === null)) {
    root.set('repos', doc.createNode([]));
    repos = root.get('repos', true);
  }
  if (!isSeq(repos)) throw new OrchError(`${PRE_COMMIT_CONFIG}: "repos" is not a list.`, fixHint);
  return { root, repoList: repos as YAMLSeq };
}

/** Every hook id already configured, in any repository (a remote orchguard entry counts). */
function configuredHooks(repoList: YAMLSeq, { isMap, isSeq }: YamlModule): Map<string, YAMLMap> {
  const existing = new Map<string, YAMLMap>();
  for (const r of repoList.items) {
    if (!isMap(r)) continue;
    const hooks = r.get('hooks', true);
    if (!isSeq(hooks)) continue;
    for (const h of hooks.items)
      if (isMap(h) && typeof h.get('id') === 'string') existing.set(h.get('id') as string, h);
  }
  return existing;
}

/** Which of orch's hooks are missing, and which entries orch wrote are brought up to date (in place). */
function reconcileHooks(
  wanted: FrameworkHook[],
  existing: Map<string, YAMLMap>,
): { missing: FrameworkHook[]; updated: string[] } {
  const missing: FrameworkHook[] = [];
  const updated: string[] = [];
  for (const w of wanted) {
    const have = existing.get(w.id);
    if (!have) {
      missing.push(w);
      continue;
    }
    const entry = String(have.get('entry') ?? '');
    // an entry orch wrote with another bin (global → local install) is brought up to date
    if (
      entry &&
      entry !== w.entry &&
      new RegExp(`^${generatedCommandPattern(w.stages[0])}$`).test(entry) &&
      have.get('language') === 'system'
    ) {
      have.set('entry', w.entry);
      updated.push(w.id);
    }
  }
  return { missing, updated };
}

/** The missing hooks go first into the first repository when it is `repo: local`, else into a new local one placed first. */
function insertHooks(doc: Doc, repoList: YAMLSeq, missing: FrameworkHook[], { isMap, isSeq }: YamlModule): void {
  const hookNode = (h: FrameworkHook) => {
    const node = doc.createNode(h) as YAMLMap;
    const stagesNode = node.get('stages', true) as unknown as YAMLSeq | undefined;
    if (stagesNode) stagesNode.flow = true;
    return node;
  };
  const first = repoList.items[0];
  const firstIsLocal = isMap(first) && first.get('repo') === 'local' && isSeq(first.get('hooks', true));
  if (firstIsLocal) {
    const hooks = (first as YAMLMap).get('hooks', true) as unknown as YAMLSeq;
    hooks.items.unshift(...missing.map(hookNode));
    return;
  }
  const node = doc.createNode({ repo: 'local', hooks: [] }) as YAMLMap;
  (node.get('hooks', true) as unknown as YAMLSeq).items.push(...missing.map(hookNode));
  if (repoList.commentBefore && first && typeof first === 'object') {
    (first as { commentBefore?: string | null }).commentBefore = repoList.commentBefore;
    repoList.commentBefore = undefined;
  }
  repoList.items.unshift(node);
}

/** default_install_hook_types gains orch's stages; returns the ones added. */
function addInstallTypes(doc: Doc, root: YAMLMap, stages: string[], { isSeq, isScalar }: YamlModule): string[] {
  const types = root.get('default_install_hook_types', true);
  const addedTypes: string[] = [];
  if (types === undefined) {
    const pair = doc.createPair(
      'default_install_hook_types',
      doc.createNode(stages, { flow: true }),
    ) as (typeof root.items)[number];
    // the comment above the first key heads the file: it stays above
    const firstKey = root.items[0]?.key as { commentBefore?: string | null } | undefined;
    if (firstKey?.commentBefore && isScalar(pair.key)) {
      pair.key.commentBefore = firstKey.commentBefore;
      firstKey.commentBefore = undefined;
    }
    root.items.unshift(pair);
    addedTypes.push(...stages);
  } else if (isSeq(types)) {
    const have = new Set(types.items.map((i) => String(isScalar(i) ? i.value : i)));
    for (const s of stages) {
      if (!have.has(s)) {
        types.add(doc.createNode(s));
        addedTypes.push(s);
      }
    }
  }
  return addedTypes;
}
