// The pre-tool check without a git process, for the common case: the agent's name comes
// from --agent or ORCH_AGENT, the configuration is the validated copy cached in the git
// directory, the status file is in the working tree, and the edit takes no lock (no
// autoLock, no remote lock branch) and renews no lease. The repository is found on disk
// (src/git/locateGitDir.ts); the rules and their answers are exactly guard()'s. Anything
// else returns null, and the full check runs instead.
import fs from 'node:fs';
import path from 'node:path';
import { readConfigCache } from '../config/configCache.js';
import { readConfigFile } from '../config/readConfigFile.js';
import { locateGitDir } from '../git/locateGitDir.js';
import { useGlobCache } from '../match/globMatcher.js';
import { useStatusCache } from '../status/statusParseCache.js';
import { judgedPaths, guardOne, type GuardResult } from './guardCore.js';
import { loadStatus } from '../store/loadStatus.js';
import type { Repo } from '../git/openRepo.js';
import type { Prepared } from '../check/prepareCheck.js';
import { resolveIdentity } from '../identity/resolveIdentity.js';
import { configFiles, fingerprint, statusFiles } from './editIndex.js';
import { saveEditIndex } from './writeEditIndex.js';

export interface QuickRequest {
  cwd: string;
  env: NodeJS.ProcessEnv;
  agentFlag?: string;
  paths: string[];
}

export async function quickGuard(req: QuickRequest): Promise<GuardResult[] | null> {
  const agent = req.agentFlag ?? req.env.ORCH_AGENT;
  if (!agent?.trim() || req.env.ORCH_SKIP?.trim()) return null;
  const dirs = locateGitDir(req.cwd);
  if (!dirs) return null;
  const cacheDir = path.join(dirs.commonDir, 'orch');
  const configPath = path.join(dirs.top, '.orchrc.json');
  // the edit index's key: each file's stat taken before the file is read (editIndex.ts)
  const configStat = fingerprint(configFiles(dirs.top));
  const text = readConfigFile(configPath);
  // another configuration file, or one not validated yet: the full check
  if (
    text === null ||
    fs.existsSync(path.join(dirs.top, '.orchrc')) ||
    fs.existsSync(path.join(dirs.top, '.orchrc.yaml'))
  )
    return null;
  const config = readConfigCache(cacheDir, configPath, text);
  if (!config || config.locks.autoLock || config.locks.remote) return null;
  useGlobCache(cacheDir);
  useStatusCache(cacheDir);
  const statusStat = fingerprint(statusFiles(dirs.top, dirs.commonDir, config.statusFile));
  const status = loadStatus(dirs.top, dirs.commonDir, false, config.statusFile);
  if (status.ownText === null) return null;
  saveEditIndex(dirs.commonDir, [configStat, statusStat], config, status.combined.locks, '.orchrc.json');
  const literal = new Map<string, boolean>();
  const repo = {
    top: dirs.top,
    gitDir: dirs.gitDir,
    commonDir: dirs.commonDir,
    bare: false,
    ignoreCase: ignoreCase(dirs.commonDir),
  } as unknown as Repo;
  const prepared: Prepared = {
    repo,
    config,
    configFile: '.orchrc.json',
    identity: resolveIdentity({ flag: req.agentFlag, env: req.env.ORCH_AGENT }, config),
    status,
    skip: { all: false, rules: [] },
    now: new Date(),
    existsLiterally: (p) => {
      // asked once per glob lock by each index the rules build: once per path is enough
      let known = literal.get(p);
      if (known === undefined) literal.set(p, (known = fs.existsSync(path.join(dirs.top, p))));
      return known;
    },
  };
  const results: GuardResult[] = [];
  for (const p of req.paths) {
    let rels: string[];
    try {
      rels = judgedPaths(p, req.cwd, dirs.top);
    } catch {
      return null; // outside the repository, or through a link that leaves it: the full check says so
    }
    if (!rels.length) return null;
    let result: GuardResult | undefined;
    for (const rel of rels) {
      const r = await guardOne({ cwd: req.cwd, env: req.env, agentFlag: req.agentFlag }, prepared, rel);
      if (r.decision === 'block' || !result) result = r;
      if (r.decision === 'block') break;
    }
    if (result!.ownLock || result!.locked) return null; // a lease to renew: the full path writes it
    results.push(result!);
  }
  return results;
}

/** core.ignorecase from the repository's own config file (git init sets it there). */
function ignoreCase(commonDir: string): boolean {
  try {
    const text = fs.readFileSync(path.join(commonDir, 'config'), 'utf8');
    const core = /^\s*\[core\]([^[]*)/im.exec(text)?.[1] ?? '';
    return /^\s*ignorecase\s*=\s*(true|yes|on|1)\s*$/im.test(core);
  } catch {
    return false;
  }
}
