// `orch init --remote <name>`: share locks through that remote. Creates the lock branch
// there when it is missing (an orphan commit holding the canonical, empty status file),
// makes sure an ordinary `git fetch` keeps a local copy (a fetch refspec, unless an
// existing one already maps the branch), and turns remote mode on — in a configuration
// file this init created; an existing one is left to a person, who is told the change.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { OrchError } from '../errors.js';
import { fetchLockBranch } from '../git/fetchLockBranch.js';
import { pushLockBranch } from '../git/pushLockBranch.js';
import { readLockBranch } from '../git/readLockBranch.js';
import { refspecMaps } from '../git/refspecMaps.js';
import { editJsonConfig } from '../config/editJsonConfig.js';
import { ask } from '../git/runGit.js';
import { fetchRefspecsQuery, remoteUrlQuery } from '../git/remoteQueries.js';
import { addLocalConfig } from '../git/setLocalConfig.js';
import { updateRef } from '../git/updateRef.js';
import { writeLockCommit } from '../git/writeLockCommit.js';
import { CANONICAL_STATUS } from '../status/canonicalStatus.js';
import { markFetched } from './lockBranchAge.js';
import { lockBranchTarget, type LockBranchTarget } from './lockBranchTarget.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { refreshLockView } from './refreshLockView.js';
import { readStatus } from '../status/readStatus.js';

export interface RemoteInitOptions {
  cwd: string;
  remote: string;
  dryRun?: boolean;
  /** This init run created .orchrc.json (so orch may write locks.remote into it). */
  createdConfig?: boolean;
}

export interface RemoteInitResult {
  target: LockBranchTarget;
  /** What was done (or would be, with dryRun). */
  done: string[];
  /** What a person still has to do. */
  notes: string[];
}

export async function initRemote(opts: RemoteInitOptions): Promise<RemoteInitResult> {
  const repo = await openRepo(opts.cwd);
  const { config, filepath } = await loadConfig(repo.top);
  const target = lockBranchTarget({ locks: { ...config.locks, remote: opts.remote } })!;
  const url = await ask(remoteUrlQuery(target.remote), repo.git);
  if (url === null) {
    throw new OrchError(`orch init --remote ${target.remote}: this clone has no remote "${target.remote}".`, {
      hint: `Add it first (git remote add ${target.remote} <url>), or name one of \`git remote\`.`,
    });
  }
  const done: string[] = [];
  const notes: string[] = [];
  const verb = (now: string, later: string) => (opts.dryRun ? later : now);

  const fetched = await fetchLockBranch(target.remote, target.branch, target.tracking, repo.git);
  if (fetched.state === 'unreachable' || fetched.state === 'busy') {
    throw new OrchError(`orch init --remote ${target.remote}: cannot reach ${url} (${fetched.reason}).`, {
      hint: `Check the network and your access (git fetch ${target.remote}), then run it again.`,
    });
  }
  if (fetched.state === 'fetched') {
    markFetched(repo.commonDir, target);
    const tip = await readLockBranch(target.tracking, config.statusFile, repo.git);
    done.push(
      `lock branch ${target.branch} exists on ${target.remote}${tip ? ` (${tip.commit.slice(0, 12)}, ${tip.text ? readStatus(tip.text).locks.length : 0} lock(s))` : ''}`,
    );
  } else if (opts.dryRun) {
    done.push(`create the lock branch ${target.branch} on ${target.remote} (an empty ${config.statusFile})`);
  } else {
    done.push(await createLockBranch(repo, target, config.statusFile));
  }

  const refspec = `+refs/heads/${target.branch}:${target.tracking}`;
  const specs = await ask(fetchRefspecsQuery(target.remote), repo.git);
  if (!specs.some((s) => refspecMaps(s, `refs/heads/${target.branch}`, target.tracking))) {
    if (!opts.dryRun) await addLocalConfig(`remote.${target.remote}.fetch`, refspec, repo.git);
    done.push(
      `${verb('added', 'add')} the fetch refspec ${refspec} to remote.${target.remote}.fetch (git fetch keeps ${target.label} up to date)`,
    );
  } else {
    done.push(`git fetch ${target.remote} already keeps ${target.label} up to date`);
  }

  if (config.locks.remote === target.remote) {
    done.push(`locks.remote is already "${target.remote}"`);
  } else if (opts.createdConfig || (filepath && path.basename(filepath) === '.orchrc.json')) {
    // the person running `init --remote` has said they want remote mode: no second, manual edit
    const file = path.join(repo.top, '.orchrc.json');
    if (!opts.dryRun)
      fs.writeFileSync(
        file,
        editJsonConfig(fs.readFileSync(file, 'utf8'), (json) => {
          json.locks = { ...((json.locks as object | undefined) ?? {}), remote: target.remote };
        }),
      );
    done.push(
      `${verb('set', 'set')} "locks": { "remote": "${target.remote}" } in .orchrc.json${opts.createdConfig ? ` (${verb('created', 'to be created')} by this init)` : ''}; commit it`,
    );
  } else {
    const where = filepath ? path.relative(repo.top, filepath) : '.orchrc.json';
    notes.push(
      `turn remote mode on in ${where}: set "locks": { "remote": "${target.remote}" }${config.locks.remote ? ` (it says "${config.locks.remote}" now)` : ''}, and commit it. orch edits only .orchrc.json.`,
    );
  }
  if (!opts.dryRun && config.locks.remote === target.remote) {
    const tip = await readLockBranch(target.tracking, config.statusFile, repo.git);
    if (tip?.text && (await refreshLockView(repo, config, readStatus(tip.text).locks)))
      done.push(`refreshed the lock table of ${config.statusFile} from ${target.label}`);
  }
  return { target, done, notes };
}

async function createLockBranch(repo: Repo, target: LockBranchTarget, statusFile: string): Promise<string> {
  const commit = await writeLockCommit(
    {
      statusFile,
      text: CANONICAL_STATUS,
      tree: [],
      parent: null,
      message: 'create the lock branch',
      author: { name: 'orch', email: 'orch@orch.invalid' },
    },
    repo.git,
  );
  const pushed = await pushLockBranch(target.remote, commit, target.branch, repo.git);
  if (pushed.state === 'unreachable' || pushed.state === 'declined') {
    throw new OrchError(
      `orch init --remote ${target.remote}: could not create the lock branch ${target.branch}: ${pushed.reason}`,
      {
        hint: `Check that you may push to ${target.remote}; or create it from a clone that may.`,
      },
    );
  }
  if (pushed.state === 'stale') {
    // created by someone else meanwhile: theirs stands
    await fetchLockBranch(target.remote, target.branch, target.tracking, repo.git);
    return `lock branch ${target.branch} exists on ${target.remote} (created meanwhile by another clone)`;
  }
  await updateRef(target.tracking, commit, repo.git);
  markFetched(repo.commonDir, target);
  return `created the lock branch ${target.branch} on ${target.remote} (${commit.slice(0, 12)}, an empty ${statusFile})`;
}
