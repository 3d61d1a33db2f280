import { describe, expect, it } from 'vitest';
import { parseCatFileBatch } from '../../../src/git/parseCatFileBatch.js';
import { parseCommitTime } from '../../../src/git/parseCommitTime.js';
import { parseFetchError } from '../../../src/git/parseFetchError.js';
import { parsePushPorcelain } from '../../../src/git/parsePushPorcelain.js';
import { parseTreeObject } from '../../../src/git/parseTreeObject.js';
import { refspecMaps } from '../../../src/git/refspecMaps.js';

const C = 'c'.repeat(40);
const T = 'd'.repeat(40);

describe('parseCatFileBatch and parseTreeObject', () => {
  it('reads a commit, a tree and a missing object from one batch', () => {
    const commit = Buffer.from(`tree ${T}\nauthor a <a@x> 1764147600 +0000\ncommitter a <a@x> 1764147600 +0000\n\nlock x\n`);
    const blobSha = Buffer.from('ab'.repeat(20), 'hex');
    const tree = Buffer.concat([Buffer.from('100644 WORK_STATUS.md\0'), blobSha, Buffer.from('40000 docs\0'), Buffer.alloc(20, 0x11)]);
    const out = Buffer.concat([
      Buffer.from(`${C} commit ${commit.length}\n`), commit, Buffer.from('\n'),
      Buffer.from(`${T} tree ${tree.length}\n`), tree, Buffer.from('\n'),
      Buffer.from('refs/remotes/origin/orch/locks:WORK_STATUS.md missing\n'),
    ]);
    const [c, t, b] = parseCatFileBatch(out, 3);
    expect(c?.type).toBe('commit');
    expect(parseCommitTime(c!.body.toString())).toEqual(new Date(1764147600 * 1000));
    expect(parseTreeObject(t!.body, 20)).toEqual([
      { mode: '100644', name: 'WORK_STATUS.md', sha: 'ab'.repeat(20) },
      { mode: '40000', name: 'docs', sha: '11'.repeat(20) },
    ]);
    expect(b).toBeNull();
  });
});

describe('parseFetchError', () => {
  it('tells a missing lock branch from an unreachable remote and a busy local ref', () => {
    expect(parseFetchError("fatal: couldn't find remote ref refs/heads/orch/locks\n")).toEqual({ state: 'missing' });
    expect(
      parseFetchError("fatal: '/srv/gone.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n"),
    ).toEqual({ state: 'unreachable', reason: "'/srv/gone.git' does not appear to be a git repository; Could not read from remote repository." });
    expect(parseFetchError("error: cannot lock ref 'refs/remotes/origin/orch/locks': Unable to create '/r/.git/refs/remotes/origin/orch/locks.lock': File exists.\n").state).toBe('busy');
  });
});

describe('parsePushPorcelain', () => {
  it('reads success, a lost race (retry), a refusing hook and an unreachable remote', () => {
    expect(parsePushPorcelain(`To /srv.git\n \t${C}:refs/heads/orch/locks\t1111111..2222222\nDone\n`, '', 0)).toEqual({ state: 'pushed' });
    expect(parsePushPorcelain(`To /srv.git\n*\t${C}:refs/heads/orch/locks\t[new branch]\nDone\n`, '', 0)).toEqual({ state: 'pushed' });
    expect(parsePushPorcelain(`To /srv.git\n!\t${C}:refs/heads/orch/locks\t[rejected] (fetch first)\nDone\n`, 'error: failed to push some refs\n', 1)).toEqual({
      state: 'stale',
      reason: 'fetch first',
    });
    expect(parsePushPorcelain(`To /srv.git\n!\t${C}:refs/heads/orch/locks\t[rejected] (non-fast-forward)\nDone\n`, '', 1).state).toBe('stale');
    expect(parsePushPorcelain(`To /srv.git\n!\t${C}:refs/heads/orch/locks\t[remote rejected] (failed to update ref)\nDone\n`, '', 1).state).toBe('stale');
    expect(
      parsePushPorcelain(`To /srv.git\n!\t${C}:refs/heads/orch/locks\t[remote rejected] (pre-receive hook declined)\nDone\n`, 'remote: ✖ error status-integrity WORK_STATUS.md\nremote:   removes the lock of b\n', 1),
    ).toEqual({ state: 'declined', reason: '✖ error status-integrity WORK_STATUS.md\n  removes the lock of b' });
    expect(parsePushPorcelain('', "fatal: unable to access 'https://git.example/x.git/': Could not resolve host: git.example\n", 128)).toEqual({
      state: 'unreachable',
      reason: "unable to access 'https://git.example/x.git/': Could not resolve host: git.example",
    });
  });
});

describe('refspecMaps', () => {
  it('knows whether a configured fetch refspec keeps the lock branch copy', () => {
    expect(refspecMaps('+refs/heads/*:refs/remotes/origin/*', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks')).toBe(true);
    expect(refspecMaps('+refs/heads/main:refs/remotes/origin/main', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks')).toBe(false);
    expect(refspecMaps('+refs/heads/orch/locks:refs/remotes/origin/orch/locks', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks')).toBe(true);
    expect(refspecMaps('+refs/heads/*:refs/remotes/upstream/*', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks')).toBe(false);
  });
});
