// `orch doctor`: does each hook orch needs run it in this worktree — orch's own shim, husky's
// hook file, or a hook manager's configuration.
import fs from 'node:fs';
import path from 'node:path';
import type { Repo } from '../git/openRepo.js';
import { HUSKY_BEGIN, INSTALLED_HOOKS, SHIM_MARKER } from '../integrations/hookShim.js';
import { detectHookManagers, huskyDir } from '../integrations/detectHookManagers.js';
import { diagnoseManagerHook } from '../integrations/diagnoseManagerHook.js';
import type { Diagnosis } from './diagnose.js';
import { detectHusky } from './initRepo.js';

export function diagnoseHooks(repo: Repo): Diagnosis[] {
  const husky = detectHusky(repo);
  // lefthook, simple-git-hooks and the pre-commit framework run orch from their own config
  const managers = detectHookManagers(repo);
  const managed = managers.primary && managers.primary.manager !== 'husky' ? managers.primary : undefined;
  const huskyHome = huskyDir(repo)?.dir ?? '.husky';
  return INSTALLED_HOOKS.map((hook) => {
    if (managed) return diagnoseManagerHook(repo, managed, hook);
    const file = path.join(repo.hooksDir, hook);
    return husky ? huskyHook(repo, hook, file, huskyHome) : shimHook(hook, file, repo.hooksDir);
  });
}

/** husky: git runs husky's stub in its hooks directory, which runs the user's file in the husky folder. */
function huskyHook(repo: Repo, hook: string, file: string, huskyHome: string): Diagnosis {
  const userFile = path.join(repo.top, huskyHome, hook);
  const userText = fs.existsSync(userFile) ? fs.readFileSync(userFile, 'utf8') : '';
  if (!fs.existsSync(file)) {
    return {
      level: 'fail',
      topic: `${hook} hook`,
      message: `git looks for hooks in ${path.relative(repo.top, repo.hooksDir) || repo.hooksDir}, but husky's stub ${hook} is not there: commits in this worktree run no checks.`,
      fix: 'Run `npx husky` (or `npm install`, which runs the prepare script) in this worktree.',
    };
  }
  if (!userText.includes(HUSKY_BEGIN)) {
    return {
      level: 'fail',
      topic: `${hook} hook`,
      message: `${huskyHome}/${hook} does not run orch.`,
      fix: 'Run `orch init`.',
    };
  }
  return { level: 'ok', topic: `${hook} hook`, message: `husky runs orch (${huskyHome}/${hook})` };
}

/** orch's own shim in git's hooks directory: there, orch's, and executable. */
function shimHook(hook: string, file: string, hooksDir: string): Diagnosis {
  if (!fs.existsSync(file)) {
    return {
      level: 'fail',
      topic: `${hook} hook`,
      message: `no ${hook} hook in ${hooksDir}.`,
      fix: 'Run `orch init`.',
    };
  }
  if (!fs.readFileSync(file, 'utf8').includes(SHIM_MARKER)) {
    return {
      level: 'fail',
      topic: `${hook} hook`,
      message: `${file} exists but does not run orch.`,
      fix: 'Run `orch init` (your hook is kept and chained).',
    };
  }
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    return {
      level: 'fail',
      topic: `${hook} hook`,
      message: `${file} is not executable: git skips it.`,
      fix: `chmod +x ${file}`,
    };
  }
  return { level: 'ok', topic: `${hook} hook`, message: file };
}
