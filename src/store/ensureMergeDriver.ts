// .gitattributes (committed) sends WORK_STATUS.md to orch's merge driver, but the driver
// itself lives in git config, which a clone does not copy: without it git merges the file
// line by line and leaves conflict markers. Every orch run in a working tree (the commit
// hooks, orch lock, orch check, …) registers it when it is missing, so a clone where
// orch runs at all merges the file by rows from then on (README: "Conflicts in the status
// file"). Present, it costs one lookup in the config git already gave us.
import { setLocalConfig } from '../git/setLocalConfig.js';
import type { Repo } from '../git/openRepo.js';

export const MERGE_DRIVER_NAME = 'orch-status';

export async function ensureMergeDriver(repo: Repo): Promise<boolean> {
  if (repo.bare || repo.configValue(`merge.${MERGE_DRIVER_NAME}.driver`) !== undefined) return false;
  // the same command orch init writes: the repository's own install, else orch on PATH
  const { findOrchBins } = await import('../integrations/findOrchBins.js');
  const bin = findOrchBins(repo.top)[0];
  const driver = `${bin ? `./${bin}` : 'orch'} merge-driver %O %A %B %P`;
  try {
    await setLocalConfig(`merge.${MERGE_DRIVER_NAME}.name`, 'orch: merge WORK_STATUS.md by meaning', repo.git);
    await setLocalConfig(`merge.${MERGE_DRIVER_NAME}.driver`, driver, repo.git);
  } catch {
    // another orch process registering it at the same moment holds git's config lock;
    // a read-only config: the next run tries again, and markers bind both sides meanwhile
    return false;
  }
  return true;
}
