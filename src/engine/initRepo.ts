// `orch init`: plan every change first, then apply the plan (or print it for --dry-run).
// Idempotent: a second run finds nothing to do. Never takes over what another hook
// manager owns: husky's hook files get a line, other hooks are chained.
import fs from 'node:fs';
import path from 'node:path';
import { defaultContracts } from '../config/defaultContracts.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { openRepo, type Repo } from './openRepo.js';
import { runGit } from '../git/runGit.js';
import { CHAIN_SUFFIX, HUSKY_BEGIN, HUSKY_END, INSTALLED_HOOKS, SHIM_MARKER, hookShim, huskyBlock } from './hookShim.js';

export interface InitOptions {
  cwd: string;
  strict?: boolean;
  dryRun?: boolean;
}

export interface PlannedChange {
  file: string;
  action: 'create' | 'update' | 'rename' | 'chmod' | 'git-config';
  why: string;
  /** For git-config: the key (file is then the repository's config). */
  key?: string;
  /** New content for create/update; target for rename; the value for git-config. */
  content?: string;
  to?: string;
  mode?: number;
}

export interface InitResult {
  repo: Repo;
  manager: 'husky' | 'git';
  changes: PlannedChange[];
}

export async function initRepo(opts: InitOptions): Promise<InitResult> {
  const repo = await openRepo(opts.cwd);
  const changes: PlannedChange[] = [];
  const manager = detectHusky(repo) ? 'husky' : 'git';
  if (manager === 'husky') planHusky(repo, changes);
  else planGitHooks(repo, changes);
  planFiles(repo, opts, changes);
  planMergeDriver(repo, changes);
  if (!opts.dryRun) await apply(repo, changes);
  return { repo, manager, changes };
}

/** husky v9 sets core.hooksPath to .husky/_; a .husky directory with hook files also counts. */
export function detectHusky(repo: Repo): boolean {
  const hooksPath = repo.configValue('core.hooksPath');
  if (hooksPath && /(^|\/)\.husky(\/_)?\/?$/.test(hooksPath)) return true;
  return fs.existsSync(path.join(repo.top, '.husky')) && fs.statSync(path.join(repo.top, '.husky')).isDirectory();
}

function planHusky(repo: Repo, changes: PlannedChange[]): void {
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(repo.top, '.husky', hook);
    const block = huskyBlock(hook);
    const existing = readOrNull(file);
    if (existing === null) {
      changes.push({ file, action: 'create', why: `run orch at ${hook} (husky)`, content: block + '\n', mode: 0o755 });
      continue;
    }
    const begin = existing.indexOf(HUSKY_BEGIN);
    const end = existing.indexOf(HUSKY_END, begin);
    if (begin !== -1 && end !== -1) {
      const updated = existing.slice(0, begin) + block + existing.slice(end + HUSKY_END.length);
      if (updated !== existing) changes.push({ file, action: 'update', why: `update orch's block in ${hook}`, content: updated, mode: 0o755 });
      continue;
    }
    // orch goes first: a blocked commit should not wait for formatters to finish
    const lines = existing.split('\n');
    const at = lines[0]?.startsWith('#!') ? 1 : 0;
    lines.splice(at, 0, block);
    changes.push({ file, action: 'update', why: `add orch before the existing ${hook} commands`, content: lines.join('\n'), mode: 0o755 });
  }
}

function planGitHooks(repo: Repo, changes: PlannedChange[]): void {
  const hints = findOrchBins(repo.top);
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(repo.hooksDir, hook);
    const shim = hookShim(hook, hints);
    const existing = readOrNull(file);
    if (existing === shim) continue;
    if (existing !== null && !existing.includes(SHIM_MARKER)) {
      const to = file + CHAIN_SUFFIX;
      if (fs.existsSync(to)) {
        changes.push({ file, action: 'update', why: `replace ${hook}; ${path.basename(to)} already holds the earlier hook`, content: shim, mode: 0o755 });
        continue;
      }
      changes.push({ file, action: 'rename', to, why: `keep the existing ${hook} hook; orch runs it first` });
    }
    changes.push({ file, action: existing === null || !existing.includes(SHIM_MARKER) ? 'create' : 'update', why: `run orch at ${hook}`, content: shim, mode: 0o755 });
  }
}

function planFiles(repo: Repo, opts: InitOptions, changes: PlannedChange[]): void {
  const statusPath = path.join(repo.top, 'WORK_STATUS.md');
  const configPath = path.join(repo.top, '.orchrc.json');
  const hasConfig = ['.orchrc.json', '.orchrc', '.orchrc.yaml', '.orchrc.yml', 'orch.config.js', 'orch.config.mjs'].some((f) =>
    fs.existsSync(path.join(repo.top, f)),
  );
  if (!hasConfig) {
    const config: Record<string, unknown> = {
      $schema: './node_modules/orchguard/schema.json',
      statusFile: 'WORK_STATUS.md',
      indexFile: 'orchestration-index.md',
      agents: {},
      contracts: defaultContracts(),
      rules: opts.strict ? { 'lock-required': 'error' } : {},
    };
    if (opts.strict) config.locks = { required: ['**'] };
    changes.push({ file: configPath, action: 'create', why: 'orch configuration (edit it; editors complete it from $schema)', content: JSON.stringify(config, null, 2) + '\n' });
  }
  if (!fs.existsSync(statusPath)) {
    changes.push({ file: statusPath, action: 'create', why: 'the lock table, reviews and log', content: CANONICAL_STATUS });
  }
}

export const MERGE_DRIVER = 'orch-status';

/** WORK_STATUS.md merges by meaning: registered in .gitattributes (shared) and git config (per clone). */
function planMergeDriver(repo: Repo, changes: PlannedChange[]): void {
  const statusFile = statusFileName(repo.top);
  const attrs = path.join(repo.top, '.gitattributes');
  const line = `${statusFile.replace(/ /g, '[[:space:]]')} merge=${MERGE_DRIVER}`;
  const existing = readOrNull(attrs);
  if (!existing?.split(/\r?\n/).some((l) => l.trim() === line)) {
    const content = (existing && !existing.endsWith('\n') ? existing + '\n' : (existing ?? '')) + line + '\n';
    changes.push({ file: attrs, action: existing === null ? 'create' : 'update', why: `merge ${statusFile} with orch's driver`, content });
  }
  const bin = findOrchBins(repo.top)[0];
  const driver = `${bin ? `./${bin}` : 'orch'} merge-driver %O %A %B %P`;
  const wanted: [string, string][] = [
    [`merge.${MERGE_DRIVER}.name`, 'orch: merge WORK_STATUS.md by meaning'],
    [`merge.${MERGE_DRIVER}.driver`, driver],
  ];
  for (const [key, value] of wanted) {
    if (repo.configValue(key) !== value) {
      changes.push({ file: path.join(repo.commonDir, 'config'), action: 'git-config', key, content: value, why: 'register the merge driver' });
    }
  }
}

function statusFileName(top: string): string {
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(top, '.orchrc.json'), 'utf8')) as { statusFile?: unknown };
    if (typeof cfg.statusFile === 'string' && cfg.statusFile) return cfg.statusFile;
  } catch {
    // no JSON config (yet): the default name
  }
  return 'WORK_STATUS.md';
}

/** Where orch is installed in this repository: the root or a package of a monorepo. */
export function findOrchBins(top: string): string[] {
  const found: string[] = [];
  const candidates = ['node_modules/.bin/orch'];
  for (const dir of safeReaddir(top)) {
    if (dir.startsWith('.') || dir === 'node_modules') continue;
    candidates.push(`${dir}/node_modules/.bin/orch`);
    for (const sub of safeReaddir(path.join(top, dir))) {
      if (!sub.startsWith('.') && sub !== 'node_modules') candidates.push(`${dir}/${sub}/node_modules/.bin/orch`);
    }
  }
  for (const c of candidates) if (fs.existsSync(path.join(top, c))) found.push(c);
  return found;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
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
      await runGit(['config', '--local', c.key!, c.content!], repo.git);
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
