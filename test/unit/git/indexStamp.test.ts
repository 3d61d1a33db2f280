import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexFileOf, indexStamp } from '../../../src/git/indexStamp.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-index-stamp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function git(...args: string[]) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' };
  const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('indexStamp', () => {
  it('stays while the index holds the same entries and changes when git writes another one', () => {
    git('init', '-q');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
    git('add', 'a.txt');
    const file = indexFileOf(path.join(dir, '.git'), dir, {});
    const first = indexStamp(file);
    expect(first).not.toBeNull();
    expect(indexStamp(file)).toBe(first);
    // same size, other content: the checksum tells them apart
    fs.writeFileSync(path.join(dir, 'a.txt'), 'two\n');
    git('add', 'a.txt');
    expect(indexStamp(file)).not.toBe(first);
  });

  it('is null for a missing index, and follows GIT_INDEX_FILE relative to the working directory', () => {
    expect(indexStamp(path.join(dir, 'nope'))).toBeNull();
    expect(indexFileOf('/r/.git', '/r', { GIT_INDEX_FILE: '.git/next-index-1.lock' })).toBe(
      '/r/.git/next-index-1.lock',
    );
    expect(indexFileOf('/r/.git', '/r', {})).toBe('/r/.git/index');
  });
});
