// The index of a temp repository against HEAD as a ChangeSet, read through git as the
// pre-commit check reads it (check/checkStaged.ts): for rules whose answer depends on how
// git gives the contents (inserted lines from blob bytes, line endings).
import { createBlobReader } from '../../src/git/blobReader.js';
import { gitChangeSet } from '../../src/git/gitChangeSet.js';
import { ask, type GitOptions } from '../../src/git/runGit.js';
import { stagedChangesQuery } from '../../src/git/stagedChangesQuery.js';
import type { ChangeSet } from '../../src/types.js';
import type { TempRepo } from './tempRepo.js';

export async function stagedChangeSet(repo: TempRepo): Promise<ChangeSet> {
  const git: GitOptions = { cwd: repo.dir, env: 'clean' };
  const files = await ask(stagedChangesQuery, git);
  return gitChangeSet({ kind: 'index', files, oldRev: 'HEAD', newRev: null, blobs: createBlobReader(git), git });
}
