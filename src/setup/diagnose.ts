// `orch doctor`: everything that makes orch silently not run, checked from this worktree.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { isOrchError } from '../errors.js';
import { loadStatus } from '../store/loadStatus.js';
import { openRepo } from '../git/openRepo.js';
import { identityFor } from '../check/prepareCheck.js';
import { HUSKY_BEGIN, INSTALLED_HOOKS, SHIM_MARKER } from '../integrations/hookShim.js';
import { findOrchBins } from '../integrations/findOrchBins.js';
import { MERGE_DRIVER, detectHusky } from './initRepo.js';
import { detectHookManagers, huskyDir } from '../integrations/detectHookManagers.js';
import { diagnoseManagerHook } from '../integrations/diagnoseManagerHook.js';

export interface Diagnosis {
  level: 'ok' | 'warn' | 'fail';
  topic: string;
  message: string;
  fix?: string;
}

export async function diagnose(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  agentFlag?: string;
}): Promise<Diagnosis[]> {
  const out: Diagnosis[] = [];
  const repo = await openRepo(opts.cwd);
  out.push({
    level: 'ok',
    topic: 'repository',
    message: `${repo.top}${repo.gitDir !== repo.commonDir ? ' (linked worktree)' : ''}`,
  });

  const husky = detectHusky(repo);
  // lefthook, simple-git-hooks and the pre-commit framework run orch from their own config
  const managers = detectHookManagers(repo);
  const managed = managers.primary && managers.primary.manager !== 'husky' ? managers.primary : undefined;
  const huskyHome = huskyDir(repo)?.dir ?? '.husky';
  for (const hook of INSTALLED_HOOKS) {
    if (managed) {
      out.push(diagnoseManagerHook(repo, managed, hook));
      continue;
    }
    const file = path.join(repo.hooksDir, hook);
    const exists = fs.existsSync(file);
    const text = exists ? fs.readFileSync(file, 'utf8') : '';
    if (husky) {
      const userFile = path.join(repo.top, huskyHome, hook);
      const userText = fs.existsSync(userFile) ? fs.readFileSync(userFile, 'utf8') : '';
      if (!exists) {
        out.push({
          level: 'fail',
          topic: `${hook} hook`,
          message: `git looks for hooks in ${path.relative(repo.top, repo.hooksDir) || repo.hooksDir}, but husky's stub ${hook} is not there: commits in this worktree run no checks.`,
          fix: 'Run `npx husky` (or `npm install`, which runs the prepare script) in this worktree.',
        });
      } else if (!userText.includes(HUSKY_BEGIN)) {
        out.push({
          level: 'fail',
          topic: `${hook} hook`,
          message: `${huskyHome}/${hook} does not run orch.`,
          fix: 'Run `orch init`.',
        });
      } else out.push({ level: 'ok', topic: `${hook} hook`, message: `husky runs orch (${huskyHome}/${hook})` });
    } else if (!exists) {
      out.push({
        level: 'fail',
        topic: `${hook} hook`,
        message: `no ${hook} hook in ${repo.hooksDir}.`,
        fix: 'Run `orch init`.',
      });
    } else if (!text.includes(SHIM_MARKER)) {
      out.push({
        level: 'fail',
        topic: `${hook} hook`,
        message: `${file} exists but does not run orch.`,
        fix: 'Run `orch init` (your hook is kept and chained).',
      });
    } else {
      let executable = true;
      try {
        fs.accessSync(file, fs.constants.X_OK);
      } catch {
        executable = false;
      }
      out.push(
        executable
          ? { level: 'ok', topic: `${hook} hook`, message: file }
          : {
              level: 'fail',
              topic: `${hook} hook`,
              message: `${file} is not executable: git skips it.`,
              fix: `chmod +x ${file}`,
            },
      );
    }
  }

  const bins = findOrchBins(repo.top);
  const onPath = (opts.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'orch')));
  out.push(
    bins.length || onPath
      ? { level: 'ok', topic: 'orch binary', message: [...bins, ...(onPath ? ['on PATH'] : [])].join(', ') }
      : {
          level: 'fail',
          topic: 'orch binary',
          message: 'hooks cannot find orch: not in node_modules/.bin here, not on PATH.',
          fix: 'npm i -D orchguard (or npm i -g orchguard), or set ORCH_BIN.',
        },
  );

  let config: Awaited<ReturnType<typeof loadConfig>>['config'] | undefined;
  try {
    const loaded = await loadConfig(repo.top);
    config = loaded.config;
    out.push({
      level: 'ok',
      topic: 'configuration',
      message: loaded.filepath ? path.relative(repo.top, loaded.filepath) : 'none found; defaults in use',
    });
  } catch (e) {
    out.push({
      level: 'fail',
      topic: 'configuration',
      message: isOrchError(e) ? e.message : String(e),
      fix: isOrchError(e) ? e.hint : undefined,
    });
  }
  if (config) {
    try {
      const status = loadStatus(repo.top, repo.commonDir, repo.bare, config.statusFile);
      const problems = status.own.problems.length;
      out.push({
        level: status.ownText === null ? 'warn' : problems ? 'warn' : 'ok',
        topic: 'status file',
        message:
          status.ownText === null
            ? `${config.statusFile} does not exist yet`
            : `${config.statusFile}: ${status.combined.locks.length} lock(s) across worktrees${problems ? `, ${problems} unreadable line(s)` : ''}`,
        fix: status.ownText === null ? 'Run `orch init`.' : problems ? 'Run `orch status` to see them.' : undefined,
      });
    } catch (e) {
      out.push({
        level: 'fail',
        topic: 'status file',
        message: isOrchError(e) ? e.message : String(e),
        fix: isOrchError(e) ? e.hint : undefined,
      });
    }
    const attrs = (() => {
      try {
        return fs.readFileSync(path.join(repo.top, '.gitattributes'), 'utf8');
      } catch {
        return '';
      }
    })();
    const driver = repo.configValue(`merge.${MERGE_DRIVER}.driver`);
    const attributed = attrs.split(/\r?\n/).some((l) => l.includes(`merge=${MERGE_DRIVER}`));
    out.push(
      driver && attributed
        ? { level: 'ok', topic: 'merge driver', message: `${config.statusFile} merges with "${driver}"` }
        : {
            level: 'warn',
            topic: 'merge driver',
            message: !attributed
              ? `.gitattributes does not route ${config.statusFile} to orch's merge driver: parallel branches will conflict on it.`
              : `the merge driver is not registered in this clone's git config.`,
            fix: 'Run `orch init`.',
          },
    );
    if (config.locks.remote)
      out.push(...(await import('./diagnoseRemote.js').then((m) => m.diagnoseRemote(repo, config!))));
    const id = identityFor(repo, config, opts);
    out.push({
      level: id.name ? (id.isAgent ? 'ok' : 'warn') : 'fail',
      topic: 'identity',
      message: id.name ? `${id.name} (from ${describeSource(id.source)})` : 'none: no agent name and no git user.email',
      fix: id.isAgent
        ? undefined
        : 'Agents: set ORCH_AGENT or `git config orch.agent NAME` (per worktree with extensions.worktreeConfig).',
    });
    out.push(...(await import('../integrations/diagnoseHarnessHooks.js')).diagnoseHarnessHooks(repo.top, id));
  }
  return out;
}

function describeSource(s: string): string {
  return (
    (
      {
        flag: '--agent',
        env: 'ORCH_AGENT',
        'git-config': 'git config orch.agent',
        trailer: 'Agent: trailer',
        'email-map': 'the agents table of the configuration',
        'git-email': "git's user.email — a person, not an agent",
      } as Record<string, string>
    )[s] ?? s
  );
}
