// The repository orch works in: where it is, git's config, and one blob reader, found
// with two git processes that run at the same time.
import { createBlobReader, type BlobReader } from './blobReader.js';
import { configListQuery } from './configListQuery.js';
import { configBool, configValue, type GitConfigMap } from './parseConfigList.js';
import { repoInfoQuery, type RepoInfo } from './repoInfo.js';
import { ask, GitError, type GitOptions } from './runGit.js';
import { OrchError } from '../errors.js';

export interface Repo extends RepoInfo {
  git: GitOptions;
  gitConfig: GitConfigMap;
  blobs: BlobReader;
  ignoreCase: boolean;
  configValue(key: string): string | undefined;
}

export async function openRepo(cwd: string): Promise<Repo> {
  const git: GitOptions = { cwd, env: 'inherit' };
  let info: RepoInfo;
  let gitConfig: GitConfigMap;
  try {
    [info, gitConfig] = await Promise.all([ask(repoInfoQuery(cwd), git), ask(configListQuery, git)]);
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.result.stderr)) {
      throw new OrchError(`${cwd} is not inside a git repository.`, {
        hint: 'Run orch inside a repository (git init first).',
      });
    }
    if (!(e instanceof GitError && /must be run in a work tree/i.test(e.result.stderr))) throw e;
    // a bare repository (a server's pre-receive): no working tree to ask about
    [info, gitConfig] = await Promise.all([ask(repoInfoQuery(cwd, false), git), ask(configListQuery, git)]);
  }
  const repoGit: GitOptions = { cwd: info.top, env: 'inherit' };
  return {
    ...info,
    git: repoGit,
    gitConfig,
    blobs: createBlobReader(repoGit),
    ignoreCase: configBool(gitConfig, 'core.ignorecase'),
    configValue: (key) => configValue(gitConfig, key),
  };
}
