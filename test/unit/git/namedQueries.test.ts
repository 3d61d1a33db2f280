// The parsers of the small named queries: what git prints, and what orch makes of it.
import { describe, expect, it } from 'vitest';
import { headAuthorTimeQuery } from '../../../src/git/authorTimeQuery.js';
import { commitIdQuery } from '../../../src/git/commitIdQuery.js';
import { fetchRefspecsQuery, remoteUrlQuery } from '../../../src/git/remoteQueries.js';
import { parseLsRemote } from '../../../src/git/remoteBranchTip.js';
import { skipWorktreeQuery } from '../../../src/git/skipWorktree.js';
import { stagedChangesQuery, stagedChangesSince } from '../../../src/git/stagedChangesQuery.js';

const A = 'a'.repeat(40);

describe('commitIdQuery', () => {
  it('reads the id, and no output as no such commit', () => {
    const q = commitIdQuery('HEAD^');
    expect(q.args).toEqual(['rev-parse', '-q', '--verify', 'HEAD^^{commit}']);
    expect(q.parse(`${A}\n`)).toBe(A);
    expect(q.parse('')).toBeNull();
  });
});

describe('headAuthorTimeQuery', () => {
  it('reads seconds since the epoch; an unborn HEAD prints nothing', () => {
    expect(headAuthorTimeQuery.parse('1700000000\n')).toBe(1700000000);
    expect(headAuthorTimeQuery.parse('')).toBeUndefined();
  });
});

describe('skipWorktreeQuery', () => {
  it('is true only for the S tag of ls-files -v', () => {
    const q = skipWorktreeQuery('WORK_STATUS.md');
    expect(q.args.at(-1)).toBe(':(literal)WORK_STATUS.md');
    expect(q.parse('S WORK_STATUS.md\n')).toBe(true);
    expect(q.parse('H WORK_STATUS.md\n')).toBe(false);
    // lowercase is assume-unchanged, not skip-worktree
    expect(q.parse('s WORK_STATUS.md\n')).toBe(false);
    expect(q.parse('')).toBe(false);
  });
});

describe('remote queries', () => {
  it('a remote URL, or null for no such remote', () => {
    expect(remoteUrlQuery('origin').parse('git@example.test:team/app.git\n')).toBe('git@example.test:team/app.git');
    expect(remoteUrlQuery('origin').parse('')).toBeNull();
  });

  it('every fetch refspec of the remote, none when unset', () => {
    const q = fetchRefspecsQuery('origin');
    expect(q.args).toEqual(['config', '--get-all', 'remote.origin.fetch']);
    expect(q.parse('+refs/heads/*:refs/remotes/origin/*\n +refs/heads/orch-locks:refs/orch/locks \n')).toEqual([
      '+refs/heads/*:refs/remotes/origin/*',
      '+refs/heads/orch-locks:refs/orch/locks',
    ]);
    expect(q.parse('')).toEqual([]);
  });
});

describe('parseLsRemote', () => {
  it('found, missing (exit 2), or unreachable with git reason and without its boilerplate', () => {
    expect(parseLsRemote({ code: 0, stdout: `${A}\trefs/heads/orch-locks\n`, stderr: '' })).toEqual({
      state: 'found',
      sha: A,
    });
    expect(parseLsRemote({ code: 2, stdout: '', stderr: '' })).toEqual({ state: 'missing' });
    const stderr =
      "fatal: 'nowhere' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
    expect(parseLsRemote({ code: 128, stdout: '', stderr })).toEqual({
      state: 'unreachable',
      reason: "fatal: 'nowhere' does not appear to be a git repository; fatal: Could not read from remote repository.",
    });
    expect(parseLsRemote({ code: 128, stdout: '', stderr: '' })).toEqual({
      state: 'unreachable',
      reason: 'git ls-remote failed',
    });
  });
});

describe('stagedChangesSince', () => {
  it('asks with the same flags as a normal commit, against the base it is given', () => {
    const base = 'b'.repeat(40);
    expect(stagedChangesSince(base).args).toEqual([...stagedChangesQuery.args, base, '--']);
    expect(stagedChangesSince().args).toEqual(stagedChangesQuery.args);
  });
});
