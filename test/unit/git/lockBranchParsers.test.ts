import { describe, expect, it } from 'vitest';
import { CatFileBatchStream, parseCatFileBatch, type CatFileObject } from '../../../src/git/parseCatFileBatch.js';
import { parseCommitTime } from '../../../src/git/parseCommitTime.js';
import { parseFetchError } from '../../../src/git/parseFetchError.js';
import { parsePushPorcelain } from '../../../src/git/parsePushPorcelain.js';
import { parseTreeObject } from '../../../src/git/parseTreeObject.js';
import { refspecMaps } from '../../../src/git/refspecMaps.js';

const C = 'c'.repeat(40);
const T = 'd'.repeat(40);

describe('parseCatFileBatch and parseTreeObject', () => {
  it('reads a commit, a tree and a missing object from one batch', () => {
    const commit = Buffer.from(
      `tree ${T}\nauthor a <a@x> 1764147600 +0000\ncommitter a <a@x> 1764147600 +0000\n\nlock x\n`,
    );
    const blobSha = Buffer.from('ab'.repeat(20), 'hex');
    const tree = Buffer.concat([
      Buffer.from('100644 WORK_STATUS.md\0'),
      blobSha,
      Buffer.from('40000 docs\0'),
      Buffer.alloc(20, 0x11),
    ]);
    const out = Buffer.concat([
      Buffer.from(`${C} commit ${commit.length}\n`),
      commit,
      Buffer.from('\n'),
      Buffer.from(`${T} tree ${tree.length}\n`),
      tree,
      Buffer.from('\n'),
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
      parseFetchError(
        "fatal: '/srv/gone.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
      ),
    ).toEqual({
      state: 'unreachable',
      reason: "'/srv/gone.git' does not appear to be a git repository; Could not read from remote repository.",
    });
    expect(
      parseFetchError(
        "error: cannot lock ref 'refs/remotes/origin/orch/locks': Unable to create '/r/.git/refs/remotes/origin/orch/locks.lock': File exists.\n",
      ).state,
    ).toBe('busy');
  });
});

describe('parsePushPorcelain', () => {
  it('reads success, a lost race (retry), a refusing hook and an unreachable remote', () => {
    expect(parsePushPorcelain(`To /srv.git\n \t${C}:refs/heads/orch/locks\t1111111..2222222\nDone\n`, '', 0)).toEqual({
      state: 'pushed',
    });
    expect(parsePushPorcelain(`To /srv.git\n*\t${C}:refs/heads/orch/locks\t[new branch]\nDone\n`, '', 0)).toEqual({
      state: 'pushed',
    });
    expect(
      parsePushPorcelain(
        `To /srv.git\n!\t${C}:refs/heads/orch/locks\t[rejected] (fetch first)\nDone\n`,
        'error: failed to push some refs\n',
        1,
      ),
    ).toEqual({
      state: 'stale',
      reason: 'fetch first',
    });
    expect(
      parsePushPorcelain(`To /srv.git\n!\t${C}:refs/heads/orch/locks\t[rejected] (non-fast-forward)\nDone\n`, '', 1)
        .state,
    ).toBe('stale');
    expect(
      parsePushPorcelain(
        `To /srv.git\n!\t${C}:refs/heads/orch/locks\t[remote rejected] (failed to update ref)\nDone\n`,
        '',
        1,
      ).state,
    ).toBe('stale');
    expect(
      parsePushPorcelain(
        `To /srv.git\n!\t${C}:refs/heads/orch/locks\t[remote rejected] (pre-receive hook declined)\nDone\n`,
        'remote: ✖ error status-integrity WORK_STATUS.md\nremote:   removes the lock of b\n',
        1,
      ),
    ).toEqual({ state: 'declined', reason: '✖ error status-integrity WORK_STATUS.md\n  removes the lock of b' });
    expect(
      parsePushPorcelain(
        '',
        "fatal: unable to access 'https://git.example/x.git/': Could not resolve host: git.example\n",
        128,
      ),
    ).toEqual({
      state: 'unreachable',
      reason: "unable to access 'https://git.example/x.git/': Could not resolve host: git.example",
    });
  });
});

describe('refspecMaps', () => {
  it('knows whether a configured fetch refspec keeps the lock branch copy', () => {
    expect(
      refspecMaps('+refs/heads/*:refs/remotes/origin/*', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks'),
    ).toBe(true);
    expect(
      refspecMaps(
        '+refs/heads/main:refs/remotes/origin/main',
        'refs/heads/orch/locks',
        'refs/remotes/origin/orch/locks',
      ),
    ).toBe(false);
    expect(
      refspecMaps(
        '+refs/heads/orch/locks:refs/remotes/origin/orch/locks',
        'refs/heads/orch/locks',
        'refs/remotes/origin/orch/locks',
      ),
    ).toBe(true);
    expect(
      refspecMaps('+refs/heads/*:refs/remotes/upstream/*', 'refs/heads/orch/locks', 'refs/remotes/origin/orch/locks'),
    ).toBe(false);
  });
});

describe('CatFileBatchStream', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const E = 'e'.repeat(40);
  const big = Buffer.from('x'.repeat(3000) + '\n');
  const out = Buffer.concat([
    Buffer.from(`${A} blob ${big.length}\n`),
    big,
    Buffer.from('\n'),
    Buffer.from('HEAD:nope missing\n'),
    Buffer.from(`${E} blob 0\n\n`),
    Buffer.from(`${B} blob 3\n`),
    Buffer.from([0, 10, 2]),
    Buffer.from('\n'),
  ]);

  it('gives the same objects wherever the output is cut into chunks', () => {
    const whole = parseCatFileBatch(out, 4);
    expect(whole.map((o) => o && [o.sha, o.body.length])).toEqual([[A, big.length], null, [E, 0], [B, 3]]);
    for (let size = 1; size <= 97; size += 3) {
      const got: (CatFileObject | null)[] = [];
      const stream = new CatFileBatchStream(4, (i, o) => (got[i] = o));
      for (let at = 0; at < out.length; at += size) stream.push(out.subarray(at, at + size));
      stream.end();
      expect(got.map((o) => o && [o.sha, o.type, o.body.toString('hex')])).toEqual(
        whole.map((o) => o && [o.sha, o.type, o.body.toString('hex')]),
      );
    }
  });

  it('hands each object over as soon as its bytes are complete, in order', () => {
    const seen: number[] = [];
    const stream = new CatFileBatchStream(4, (i) => seen.push(i));
    const firstEnds = out.indexOf(big) + big.length;
    stream.push(out.subarray(0, firstEnds - 1));
    expect(seen).toEqual([]);
    stream.push(out.subarray(firstEnds - 1, firstEnds));
    expect(seen).toEqual([0]);
    stream.push(out.subarray(firstEnds));
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('answers null for what a truncated output leaves out, never a partial body', () => {
    const got: (CatFileObject | null)[] = [];
    const stream = new CatFileBatchStream(2, (i, o) => (got[i] = o));
    stream.push(out.subarray(0, 100));
    stream.end();
    expect(got).toEqual([null, null]);
  });
});
