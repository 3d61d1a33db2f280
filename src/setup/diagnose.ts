// `orch doctor`: everything that makes orch silently not run, checked from this worktree.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { isOrchError } from '../errors.js';
import { loadStatus } from '../store/loadStatus.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { identityFor } from '../check/prepareCheck.js';
import { findOrchBins } from '../integrations/findOrchBins.js';
import { MERGE_DRIVER } from './initRepo.js';
import { diagnoseHooks } from './diagnoseHooks.js';
import type { Config } from '../config/schema.js';

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

  out.push(...diagnoseHooks(repo));

  out.push(diagnoseBinary(repo.top, opts.env));
  const config = await diagnoseConfig(repo, out);
  if (config) {
    out.push(diagnoseStatusFile(repo, config), diagnoseMergeDriver(repo, config));
    if (config.locks.remote)
      out.push(...(await import('./diagnoseRemote.js').then((m) => m.diagnoseRemote(repo, config))));
    out.push(...(await diagnoseIdentity(repo, config, opts)));
  }
  return out;
}

function diagnoseBinary(top: string, env: NodeJS.ProcessEnv): Diagnosis {
  const bins = findOrchBins(top);
  const onPath = (env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'orch')));
  return bins.length || onPath
    ? { level: 'ok', topic: 'orch binary', message: [...bins, ...(onPath ? ['on PATH'] : [])].join(', ') }
    : {
        level: 'fail',
        topic: 'orch binary',
        message: 'hooks cannot find orch: not in node_modules/.bin here, not on PATH.',
        fix: 'npm i -D orchguard (or npm i -g orchguard), or set ORCH_BIN.',
      };
}

/** The configuration, or undefined when it cannot be loaded (said in `out`). */
async function diagnoseConfig(repo: Repo, out: Diagnosis[]): Promise<Config | undefined> {
  try {
    const loaded = await loadConfig(repo.top);
    out.push({
      level: 'ok',
      topic: 'configuration',
      message: loaded.filepath ? path.relative(repo.top, loaded.filepath) : 'none found; defaults in use',
    });
    return loaded.config;
  } catch (e) {
    out.push(failure('configuration', e));
    return undefined;
  }
}

function diagnoseStatusFile(repo: Repo, config: Config): Diagnosis {
  try {
    const status = loadStatus(repo.top, repo.commonDir, repo.bare, config.statusFile);
    const problems = status.own.problems.length;
    return {
      level: status.ownText === null ? 'warn' : problems ? 'warn' : 'ok',
      topic: 'status file',
      message:
        status.ownText === null
          ? `${config.statusFile} does not exist yet`
          : `${config.statusFile}: ${status.combined.locks.length} lock(s) across worktrees${problems ? `, ${problems} unreadable line(s)` : ''}`,
      fix: status.ownText === null ? 'Run `orch init`.' : problems ? 'Run `orch status` to see them.' : undefined,
    };
  } catch (e) {
    return failure('status file', e);
  }
}

function diagnoseMergeDriver(repo: Repo, config: Config): Diagnosis {
  let attrs = '';
  try {
    attrs = fs.readFileSync(path.join(repo.top, '.gitattributes'), 'utf8');
  } catch {
    // no .gitattributes: nothing routes the status file
  }
  const driver = repo.configValue(`merge.${MERGE_DRIVER}.driver`);
  const attributed = attrs.split(/\r?\n/).some((l) => l.includes(`merge=${MERGE_DRIVER}`));
  return driver && attributed
    ? { level: 'ok', topic: 'merge driver', message: `${config.statusFile} merges with "${driver}"` }
    : {
        level: 'warn',
        topic: 'merge driver',
        message: !attributed
          ? `.gitattributes does not route ${config.statusFile} to orch's merge driver: parallel branches will conflict on it.`
          : `the merge driver is not registered in this clone's git config.`,
        fix: 'Run `orch init`.',
      };
}

async function diagnoseIdentity(
  repo: Repo,
  config: Config,
  opts: { env: NodeJS.ProcessEnv; agentFlag?: string },
): Promise<Diagnosis[]> {
  const id = identityFor(repo, config, opts);
  return [
    {
      level: id.name ? (id.isAgent ? 'ok' : 'warn') : 'fail',
      topic: 'identity',
      message: id.name ? `${id.name} (from ${describeSource(id.source)})` : 'none: no agent name and no git user.email',
      fix: id.isAgent
        ? undefined
        : 'Agents: set ORCH_AGENT or `git config orch.agent NAME` (per worktree with extensions.worktreeConfig).',
    },
    ...(await import('../integrations/diagnoseHarnessHooks.js')).diagnoseHarnessHooks(repo.top, id),
  ];
}

function failure(topic: string, e: unknown): Diagnosis {
  return {
    level: 'fail',
    topic,
    message: isOrchError(e) ? e.message : String(e),
    fix: isOrchError(e) ? e.hint : undefined,
  };
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
