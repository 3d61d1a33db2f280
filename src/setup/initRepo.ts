// `orch init`: plan every change first, then apply the plan (or print it for --dry-run).
// Idempotent: a second run finds nothing to do. Never takes over what another hook
// manager owns: orch is added to that manager's configuration (husky's hook files,
// lefthook's YAML, simple-git-hooks' JSON, the pre-commit framework's config); only
// without a manager does orch install its own hooks, chaining any that are there.
// Which manager, when several are configured: see detectHookManagers.
import fs from 'node:fs';
import path from 'node:path';
import { defaultContracts } from '../config/defaultContracts.js';
import { editJsonConfig } from '../config/editJsonConfig.js';
import { loadConfig } from '../config/loadConfig.js';
import { schemaPathFor } from '../config/schemaPathFor.js';
import type { Config } from '../config/schema.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { OrchError } from '../errors.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { setLocalConfig } from '../git/setLocalConfig.js';
import {
  CHAIN_SUFFIX,
  HUSKY_BEGIN,
  HUSKY_END,
  INSTALLED_HOOKS,
  SHIM_MARKER,
  hookShim,
  huskyBlock,
} from '../integrations/hookShim.js';
import {
  detectHookManagers,
  huskyDir,
  type HookManager,
  type HookManagers,
} from '../integrations/detectHookManagers.js';
import { orchBinFor } from '../integrations/orchBinFor.js';
import type { IntegrationPlan, PlannedChange } from '../integrations/plannedChange.js';
import { CONFIG_SEARCH_PLACES } from '../config/configSearchPlaces.js';
import { findOrchBins } from '../integrations/findOrchBins.js';
import type { ProgressIO } from '../report/progress.js';

export type { PlannedChange } from '../integrations/plannedChange.js';

/** Coding-agent harnesses whose pre-tool hooks `--agent-hooks` can install. */
export const AGENT_HARNESSES = ['claude', 'codex', 'gemini', 'cursor'] as const;
export type AgentHarness = (typeof AGENT_HARNESSES)[number];
/** Where each harness keeps its project configuration ("detect" wires those present). */
const HARNESS_DIRS: Record<AgentHarness, string> = {
  claude: '.claude',
  codex: '.codex',
  gemini: '.gemini',
  cursor: '.cursor',
};

export interface InitOptions {
  cwd: string;
  strict?: boolean;
  dryRun?: boolean;
  /** Also install `orch guard` as an edit-time hook of these harnesses. */
  agentHooks?: string[];
  /** Where progress goes on a large repository (stderr on a TTY only). */
  io?: ProgressIO;
}

export interface InitResult {
  repo: Repo;
  /** The hook manager orch was added to ("git": orch's own hooks). */
  manager: HookManager;
  managers: HookManagers;
  changes: PlannedChange[];
  /** What the user still has to do (install a manager's hooks, edit a file orch does not edit). */
  notes: string[];
}

export async function initRepo(opts: InitOptions): Promise<InitResult> {
  for (const h of opts.agentHooks ?? []) {
    if (!(AGENT_HARNESSES as readonly string[]).includes(h) && h !== 'all' && h !== 'detect') {
      throw new OrchError(
        `orch init: --agent-hooks ${h} is not supported; supported: ${AGENT_HARNESSES.join(', ')}, all, detect.`,
        {
          hint: 'Other harnesses: call `orch guard --path <file>` from their pre-edit hook (see the README).',
        },
      );
    }
  }
  const repo = await openRepo(opts.cwd);
  const harnesses = AGENT_HARNESSES.filter(
    (h) =>
      opts.agentHooks?.includes(h) ||
      opts.agentHooks?.includes('all') ||
      (opts.agentHooks?.includes('detect') && fs.existsSync(path.join(repo.top, HARNESS_DIRS[h]))),
  );
  const changes: PlannedChange[] = [];
  const notes: string[] = [];
  const add = (plan: IntegrationPlan) => {
    changes.push(...plan.changes);
    notes.push(...plan.notes);
  };
  const managers = detectHookManagers(repo);
  const hints = findOrchBins(repo.top, opts.io);
  const primary = managers.primary;
  const bin = orchBinFor(managers.active, hints);
  switch (managers.active) {
    case 'husky':
      planHusky(repo, primary!.config, bin, changes);
      if (!primary!.installed)
        notes.push(
          `husky's hooks are not installed in this clone: run \`npx husky\` (or \`npm install\`, which runs the prepare script).`,
        );
      break;
    case 'lefthook': {
      const { planLefthook } = await import('../integrations/planLefthook.js');
      add(await planLefthook(repo.top, primary!.config, bin, primary!.installed));
      break;
    }
    case 'simple-git-hooks': {
      const { planSimpleGitHooks } = await import('../integrations/planSimpleGitHooks.js');
      add(planSimpleGitHooks(repo.top, primary!.config, bin, primary!.installed));
      break;
    }
    case 'pre-commit': {
      const { planPreCommitFramework } = await import('../integrations/planPreCommitFramework.js');
      add(await planPreCommitFramework(repo.top, bin, primary!.installed));
      break;
    }
    default:
      planGitHooks(repo, changes, hints);
  }
  // an existing configuration must load: init does not report "nothing to change" over a broken one
  const { config, filepath } = await loadConfig(repo.top);
  planFiles(repo, opts, changes, hints);
  planConverge(repo, opts, { config, filepath }, changes, notes);
  planIndexFile(repo, config.indexFile, changes);
  planMergeDriver(repo, changes, hints);
  if (harnesses.length) {
    const { planHarnessHooks } = await import('../integrations/planHarnessHooks.js');
    for (const h of harnesses) add(planHarnessHooks(h, repo.top, hints));
  }
  if (!opts.dryRun) await apply(repo, changes);
  return { repo, manager: managers.active, managers, changes, notes };
}

/** husky v9 sets core.hooksPath to .husky/_ (or <dir>/.husky/_); a .husky directory also counts. */
export function detectHusky(repo: Repo): boolean {
  return huskyDir(repo) !== null;
}

function planHusky(repo: Repo, dir: string, bin: string, changes: PlannedChange[]): void {
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(repo.top, dir, hook);
    const block = huskyBlock(hook, bin);
    const existing = readOrNull(file);
    if (existing === null) {
      changes.push({ file, action: 'create', why: `run orch at ${hook} (husky)`, content: block + '\n', mode: 0o755 });
      continue;
    }
    const begin = existing.indexOf(HUSKY_BEGIN);
    const end = existing.indexOf(HUSKY_END, begin);
    if (begin !== -1 && end !== -1) {
      const updated = existing.slice(0, begin) + block + existing.slice(end + HUSKY_END.length);
      if (updated !== existing)
        changes.push({ file, action: 'update', why: `update orch's block in ${hook}`, content: updated, mode: 0o755 });
      continue;
    }
    // orch goes first: a blocked commit should not wait for formatters (or lint-staged)
    const lines = existing.split('\n');
    const at = lines[0]?.startsWith('#!') ? 1 : 0;
    lines.splice(at, 0, block);
    changes.push({
      file,
      action: 'update',
      why: `add orch before the existing ${hook} commands`,
      content: lines.join('\n'),
      mode: 0o755,
      detail: block,
    });
  }
}

function planGitHooks(repo: Repo, changes: PlannedChange[], hints: string[]): void {
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(repo.hooksDir, hook);
    const shim = hookShim(hook, hints);
    const existing = readOrNull(file);
    if (existing === shim) continue;
    if (existing !== null && !existing.includes(SHIM_MARKER)) {
      const to = file + CHAIN_SUFFIX;
      if (fs.existsSync(to)) {
        changes.push({
          file,
          action: 'update',
          why: `replace ${hook}; ${path.basename(to)} already holds the earlier hook`,
          content: shim,
          mode: 0o755,
        });
        continue;
      }
      changes.push({ file, action: 'rename', to, why: `keep the existing ${hook} hook; orch runs it first` });
    }
    changes.push({
      file,
      action: existing === null || !existing.includes(SHIM_MARKER) ? 'create' : 'update',
      why: `run orch at ${hook}`,
      content: shim,
      mode: 0o755,
    });
  }
}

function planFiles(repo: Repo, opts: InitOptions, changes: PlannedChange[], hints: string[]): void {
  const statusPath = path.join(repo.top, 'WORK_STATUS.md');
  const configPath = path.join(repo.top, '.orchrc.json');
  // package.json always exists in a Node.js project: only orch's own files say "configured"
  const hasConfig = CONFIG_SEARCH_PLACES.filter((f) => f !== 'package.json').some((f) =>
    fs.existsSync(path.join(repo.top, f)),
  );
  if (!hasConfig) {
    const schema = schemaPathFor(repo.top, hints);
    const config: Record<string, unknown> = {
      // a path that exists: the project's install, else the running orch's (global install)
      ...(schema ? { $schema: schema } : {}),
      statusFile: 'WORK_STATUS.md',
      indexFile: 'orchestration-index.md',
      agents: {},
      contracts: defaultContracts(),
      rules: opts.strict ? { 'lock-required': 'error' } : {},
    };
    if (opts.strict) config.locks = { required: ['**'] };
    changes.push({
      file: configPath,
      action: 'create',
      why: 'orch configuration (edit it; editors complete it from $schema)',
      content: JSON.stringify(config, null, 2) + '\n',
    });
  }
  if (!fs.existsSync(statusPath)) {
    changes.push({
      file: statusPath,
      action: 'create',
      why: 'the lock table, reviews and log',
      content: CANONICAL_STATUS,
    });
  }
}

/**
 * Run again with --strict on an existing set-up: lock-required goes on in .orchrc.json
 * (the person running init asked for it); other configuration forms get a note.
 */
function planConverge(
  repo: Repo,
  opts: InitOptions,
  loaded: { config: Config; filepath: string | null },
  changes: PlannedChange[],
  notes: string[],
): void {
  if (!opts.strict || !loaded.filepath) return;
  const { config, filepath } = loaded;
  const on = config.rules['lock-required'] === 'error' && config.locks.required.includes('**');
  if (on) return;
  if (path.basename(filepath) !== '.orchrc.json') {
    notes.push(
      `--strict: set "rules": { "lock-required": "error" } and "locks": { "required": ["**"] } in ${path.relative(repo.top, filepath)} (orch edits only .orchrc.json).`,
    );
    return;
  }
  const content = editJsonConfig(fs.readFileSync(filepath, 'utf8'), (json) => {
    json.rules = { ...((json.rules as object | undefined) ?? {}), 'lock-required': 'error' };
    const locks = (json.locks as { required?: string[] } | undefined) ?? {};
    json.locks = { ...locks, required: [...new Set([...(locks.required ?? []), '**'])] };
  });
  changes.push({ file: filepath, action: 'update', why: 'turn lock-required on for every path (--strict)', content });
}

/** The project index the task-completion rule asks to update: created when missing, so its fix works. */
function planIndexFile(repo: Repo, indexFile: string, changes: PlannedChange[]): void {
  const file = path.join(repo.top, indexFile);
  if (fs.existsSync(file)) return;
  changes.push({
    file,
    action: 'create',
    why: 'the project index completed tasks update (rule task-completion)',
    content: INDEX_TEMPLATE,
  });
}

const INDEX_TEMPLATE = `# Orchestration index

## Project

What this project is, in a sentence or two.

## Services

| Service | Path | Owner | Notes |
| --- | --- | --- | --- |

## Decisions

## Completed tasks
`;

export const MERGE_DRIVER = 'orch-status';

/** WORK_STATUS.md merges by meaning: registered in .gitattributes (shared) and git config (per clone). */
function planMergeDriver(repo: Repo, changes: PlannedChange[], hints: string[]): void {
  const { statusFile, archiveFile } = statusFileNames(repo.top);
  const attrs = path.join(repo.top, '.gitattributes');
  const existing = readOrNull(attrs);
  const present = new Set((existing ?? '').split(/\r?\n/).map((l) => l.trim()));
  // the archive too: two branches that both archive would otherwise conflict on it
  const missing = [statusFile, archiveFile]
    .map((f) => `${f.replace(/ /g, '[[:space:]]')} merge=${MERGE_DRIVER}`)
    .filter((l) => !present.has(l));
  if (missing.length) {
    const content =
      (existing && !existing.endsWith('\n') ? existing + '\n' : (existing ?? '')) + missing.join('\n') + '\n';
    changes.push({
      file: attrs,
      action: existing === null ? 'create' : 'update',
      why: `merge ${statusFile} and its archive with orch's driver`,
      content,
    });
  }
  const bin = hints[0];
  const driver = `${bin ? `./${bin}` : 'orch'} merge-driver %O %A %B %P`;
  const wanted: [string, string][] = [
    [`merge.${MERGE_DRIVER}.name`, 'orch: merge WORK_STATUS.md by meaning'],
    [`merge.${MERGE_DRIVER}.driver`, driver],
  ];
  for (const [key, value] of wanted) {
    if (repo.configValue(key) !== value) {
      changes.push({
        file: path.join(repo.commonDir, 'config'),
        action: 'git-config',
        key,
        content: value,
        why: 'register the merge driver',
      });
    }
  }
}

function statusFileNames(top: string): { statusFile: string; archiveFile: string } {
  const names = { statusFile: 'WORK_STATUS.md', archiveFile: 'WORK_STATUS.archive.md' };
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(top, '.orchrc.json'), 'utf8')) as {
      statusFile?: unknown;
      log?: { archiveFile?: unknown };
    };
    if (typeof cfg.statusFile === 'string' && cfg.statusFile) names.statusFile = cfg.statusFile;
    if (typeof cfg.log?.archiveFile === 'string' && cfg.log.archiveFile) names.archiveFile = cfg.log.archiveFile;
  } catch {
    // no JSON config (yet): the default names
  }
  return names;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

async function apply(repo: Repo, changes: PlannedChange[]): Promise<void> {
  for (const c of changes) {
    if (c.action === 'git-config') {
      await setLocalConfig(c.key!, c.content!, repo.git);
      continue;
    }
    fs.mkdirSync(path.dirname(c.file), { recursive: true });
    if (c.action === 'rename') fs.renameSync(c.file, c.to!);
    else if (c.content !== undefined) {
      const tmp = `${c.file}.orch-tmp-${process.pid}`;
      fs.writeFileSync(tmp, c.content, { mode: c.mode ?? 0o644 });
      fs.renameSync(tmp, c.file);
    }
    if (c.mode) fs.chmodSync(c.file, c.mode);
  }
}
