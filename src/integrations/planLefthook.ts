// lefthook: orch's commands go into the repository's lefthook configuration, first in
// each hook's section, beside the jobs already there. YAML is edited through yaml's
// Document API so comments, blank lines and the other jobs stay as they were. A section
// that uses `jobs:` gets a job named "orch"; one that uses `commands:` a command "orch";
// a new section follows the style the file already uses (`commands:` when it has none,
// which every lefthook version reads).
import fs from 'node:fs';
import path from 'node:path';
import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { OrchError } from '../errors.js';
import { loadYaml } from './loadYaml.js';
import { INSTALLED_HOOKS } from './hookShim.js';
import { formatJsonLike } from './formatJsonLike.js';
import { callsOrch, generatedCommandPattern, managerHookCommand } from './managerHookCommand.js';
import type { IntegrationPlan } from './plannedChange.js';

interface Entry {
  run: string;
  use_stdin?: boolean;
}

type Outcome = 'added' | 'updated' | 'present' | 'manual';

/**
 * @param configFile  repository-relative lefthook configuration (see LEFTHOOK_FILES)
 * @param bin  how lefthook's commands call orch
 * @param installed  lefthook's hooks are in the hooks directory git uses
 */
export async function planLefthook(
  top: string,
  configFile: string,
  bin: string,
  installed: boolean,
): Promise<IntegrationPlan> {
  const file = path.join(top, configFile);
  const text = fs.readFileSync(file, 'utf8');
  const wanted = new Map<string, Entry>();
  for (const hook of INSTALLED_HOOKS) {
    const cmd = managerHookCommand(hook, bin, 'lefthook');
    if (cmd) wanted.set(hook, { run: cmd.run, ...(cmd.stdin ? { use_stdin: true } : {}) });
  }
  const notes: string[] = [];
  let content: string;
  let outcomes: Map<string, Outcome>;
  if (/\.ya?ml$/.test(configFile)) {
    ({ content, outcomes } = await editYaml(configFile, text, wanted));
  } else if (/\.json$/.test(configFile)) {
    ({ content, outcomes } = editJson(configFile, text, wanted));
  } else {
    // TOML and JSONC: no parser here keeps their comments; say exactly what to add
    notes.push(
      `${configFile}: orch does not edit this format; add to it:\n` +
        [...wanted]
          .map(
            ([hook, e]) =>
              `    [${hook}.commands.orch]\n    run = ${JSON.stringify(e.run)}${e.use_stdin ? '\n    use_stdin = true' : ''}`,
          )
          .join('\n'),
    );
    return { changes: [], notes };
  }
  for (const [hook, outcome] of outcomes) {
    if (outcome === 'manual')
      notes.push(
        `${configFile}: the ${hook} section has a shape orch does not edit; add a command running \`${wanted.get(hook)!.run}\` to it yourself.`,
      );
  }
  const added = [...outcomes].filter(([, o]) => o === 'added' || o === 'updated').map(([h]) => h);
  if (content === text || added.length === 0) {
    if (!installed)
      notes.push(
        `lefthook's hooks are not installed in this clone: run \`lefthook install\` (or \`npx lefthook install\`).`,
      );
    return { changes: [], notes };
  }
  notes.push(
    installed
      ? `run \`lefthook install\` (or \`npx lefthook install\`) so that git runs lefthook at ${added.join(', ')}; lefthook would also do it by itself on a later run.`
      : `lefthook's hooks are not installed in this clone: run \`lefthook install\` (or \`npx lefthook install\`).`,
  );
  return {
    changes: [
      {
        file,
        action: 'update',
        why: `run orch first at ${added.join(', ')} (lefthook)`,
        content,
        detail: added
          .map((h) => `${h}: orch → ${wanted.get(h)!.run}${wanted.get(h)!.use_stdin ? ' (use_stdin)' : ''}`)
          .join('\n'),
      },
    ],
    notes,
  };
}

async function editYaml(
  configFile: string,
  text: string,
  wanted: Map<string, Entry>,
): Promise<{ content: string; outcomes: Map<string, Outcome> }> {
  const { parseDocument, isMap, isSeq, isScalar } = await loadYaml();
  const doc = parseDocument(text);
  if (doc.errors.length) {
    throw new OrchError(`${configFile} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, {
      hint: `Fix ${configFile}, then run \`orch init\` again.`,
    });
  }
  if (doc.contents === null) (doc as { contents: unknown }).contents = doc.createNode({});
  if (!isMap(doc.contents))
    throw new OrchError(`${configFile}: expected a mapping of hook names at the top level.`, {
      hint: `Fix ${configFile}, then run \`orch init\` again.`,
    });
  const root = doc.contents as YAMLMap;
  const useJobs = root.items.some((p) => isMap(p.value) && (p.value as YAMLMap).has('jobs'));
  const sectionsSpaced = /\n[ \t]*\r?\n[^\s]/.test(text);
  const outcomes = new Map<string, Outcome>();

  for (const [hook, entry] of wanted) {
    const section = root.get(hook, true);
    if (section === undefined || section === null || (isScalar(section) && section.value === null)) {
      root.set(hook, doc.createNode(useJobs ? { jobs: [{ name: 'orch', ...entry }] } : { commands: { orch: entry } }));
      const pair = root.items[root.items.length - 1];
      if (sectionsSpaced && root.items.length > 1 && isScalar(pair.key)) pair.key.spaceBefore = true;
      outcomes.set(hook, 'added');
      continue;
    }
    if (!isMap(section)) {
      outcomes.set(hook, 'manual');
      continue;
    }
    const jobs = section.get('jobs', true);
    const commands = section.get('commands', true);
    if (isSeq(jobs)) {
      outcomes.set(hook, upsertJob(doc, jobs, hook, entry, isMap));
    } else if (isMap(commands)) {
      outcomes.set(hook, upsertCommand(doc, commands, hook, entry, isMap, isScalar));
    } else if (jobs === undefined && commands === undefined) {
      section.set(
        useJobs ? 'jobs' : 'commands',
        doc.createNode(useJobs ? [{ name: 'orch', ...entry }] : { orch: entry }),
      );
      outcomes.set(hook, 'added');
    } else {
      outcomes.set(hook, 'manual');
    }
  }
  return { content: stringifyLike(doc, text), outcomes };
}

type IsMap = (node: unknown) => node is YAMLMap;
type IsScalar = typeof import('yaml').isScalar;

function upsertJob(doc: Document, jobs: YAMLSeq, hook: string, entry: Entry, isMap: IsMap): Outcome {
  for (const item of jobs.items) {
    if (!isMap(item)) continue;
    const run = String(item.get('run') ?? '');
    if (item.get('name') === 'orch' || callsOrch(run, hook)) return refresh(item, hook, entry);
  }
  const node = doc.createNode({ name: 'orch', ...entry });
  // a comment above the first job belongs to that job, not to orch's
  const first = jobs.items[0] as { commentBefore?: string | null } | undefined;
  if (first && jobs.commentBefore) {
    first.commentBefore = jobs.commentBefore;
    jobs.commentBefore = undefined;
  }
  jobs.items.unshift(node);
  return 'added';
}

function upsertCommand(
  doc: Document,
  commands: YAMLMap,
  hook: string,
  entry: Entry,
  isMap: IsMap,
  isScalar: IsScalar,
): Outcome {
  for (const pair of commands.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const value = pair.value;
    const run = isMap(value) ? String(value.get('run') ?? '') : '';
    if (key === 'orch' || callsOrch(run, hook)) return isMap(value) ? refresh(value, hook, entry) : 'manual';
  }
  const pair = doc.createPair('orch', entry);
  const first = commands.items[0];
  if (first && commands.commentBefore && isScalar(first.key)) {
    first.key.commentBefore = commands.commentBefore;
    commands.commentBefore = undefined;
  }
  commands.items.unshift(pair as (typeof commands.items)[number]);
  return 'added';
}

/** Brings an orch entry orch wrote earlier up to date; a hand-written one is left alone. */
function refresh(item: YAMLMap, hook: string, entry: Entry): Outcome {
  const run = String(item.get('run') ?? '');
  if (run === entry.run && Boolean(item.get('use_stdin')) === Boolean(entry.use_stdin)) return 'present';
  if (!new RegExp(`^${generatedCommandPattern(hook)}$`).test(run)) return 'present';
  item.set('run', entry.run);
  if (entry.use_stdin) item.set('use_stdin', true);
  return 'updated';
}

/** Keeps the file's own sequence indentation (`- ` under or beside its key). */
function stringifyLike(doc: Document, original: string): string {
  const indentSeq = !/^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(original);
  return doc.toString({ lineWidth: 0, indentSeq });
}

function editJson(
  configFile: string,
  text: string,
  wanted: Map<string, Entry>,
): { content: string; outcomes: Map<string, Outcome> } {
  let root: Record<string, unknown>;
  try {
    root = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new OrchError(`${configFile} is not valid JSON: ${(e as Error).message}`, {
      hint: `Fix ${configFile}, then run \`orch init\` again.`,
    });
  }
  if (!root || typeof root !== 'object' || Array.isArray(root))
    throw new OrchError(`${configFile}: expected an object of hook names.`);
  const outcomes = new Map<string, Outcome>();
  const useJobs = Object.values(root).some((s) => s && typeof s === 'object' && 'jobs' in (s as object));
  for (const [hook, entry] of wanted) {
    const section = root[hook];
    if (section === undefined || section === null) {
      root[hook] = useJobs ? { jobs: [{ name: 'orch', ...entry }] } : { commands: { orch: entry } };
      outcomes.set(hook, 'added');
      continue;
    }
    if (typeof section !== 'object' || Array.isArray(section)) {
      outcomes.set(hook, 'manual');
      continue;
    }
    const s = section as Record<string, unknown>;
    if (Array.isArray(s.jobs)) {
      const existing = (s.jobs as Record<string, unknown>[]).find(
        (j) => j && (j.name === 'orch' || callsOrch(String(j.run ?? ''), hook)),
      );
      outcomes.set(hook, existing ? refreshPlain(existing, hook, entry) : 'added');
      if (!existing) s.jobs = [{ name: 'orch', ...entry }, ...(s.jobs as unknown[])];
    } else if (s.commands && typeof s.commands === 'object') {
      const cmds = s.commands as Record<string, Record<string, unknown>>;
      const key = Object.keys(cmds).find((k) => k === 'orch' || callsOrch(String(cmds[k]?.run ?? ''), hook));
      outcomes.set(hook, key ? refreshPlain(cmds[key], hook, entry) : 'added');
      if (!key) s.commands = { orch: entry, ...cmds };
    } else if (s.jobs === undefined && s.commands === undefined) {
      if (useJobs) s.jobs = [{ name: 'orch', ...entry }];
      else s.commands = { orch: entry };
      outcomes.set(hook, 'added');
    } else outcomes.set(hook, 'manual');
  }
  return { content: formatJsonLike(text, root), outcomes };
}

function refreshPlain(item: Record<string, unknown>, hook: string, entry: Entry): Outcome {
  if (!item || typeof item !== 'object') return 'manual';
  const run = String(item.run ?? '');
  if (run === entry.run && Boolean(item.use_stdin) === Boolean(entry.use_stdin)) return 'present';
  if (!new RegExp(`^${generatedCommandPattern(hook)}$`).test(run)) return 'present';
  item.run = entry.run;
  if (entry.use_stdin) item.use_stdin = true;
  return 'updated';
}
