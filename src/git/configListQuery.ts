import { parseConfigList, type GitConfigMap } from './parseConfigList.js';
import type { GitQuery } from './runGit.js';

/** Every config value git sees here (system, global, local, worktree), in one process. */
export const configListQuery: GitQuery<GitConfigMap> = {
  args: ['config', '-z', '--list'],
  parse: parseConfigList,
  // no config file at all is exit 1 on some versions, not a failure
  okCodes: [1],
};
