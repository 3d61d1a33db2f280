// Registers orch's WORK_STATUS.md merge driver in a temp repository the way `orch init` does:
// the attribute in .gitattributes (committed, as a person) and the driver in git config.
import { ORCH_BIN, type TempRepo } from './tempRepo.js';

export function registerMergeDriver(repo: TempRepo): void {
  const line = 'WORK_STATUS.md merge=orch-status';
  let attrs = '';
  try {
    attrs = repo.read('.gitattributes');
  } catch {
    // none yet
  }
  if (!attrs.split(/\r?\n/).includes(line))
    repo.write('.gitattributes', (attrs && !attrs.endsWith('\n') ? attrs + '\n' : attrs) + line + '\n');
  repo.ok(['config', 'merge.orch-status.name', 'orch: merge WORK_STATUS.md by meaning']);
  repo.ok(['config', 'merge.orch-status.driver', `"${process.execPath}" "${ORCH_BIN}" merge-driver %O %A %B %P`]);
  if (repo.ok(['status', '--porcelain', '--', '.gitattributes']).trim()) {
    repo.ok(['add', '.gitattributes']);
    repo.ok(['commit', '-q', '-m', 'Merge WORK_STATUS.md with orch']);
  }
}
