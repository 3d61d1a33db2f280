// The code cache keeps one file per installed copy of orch, Node.js version and kind (hook
// or command): a new build of a copy replaces that copy's file, and what earlier versions
// or interrupted runs left is removed. Another copy's cache is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/tempRepo.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-cache-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function install(name: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir);
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), fs.readFileSync(path.join(ROOT, 'package.json')));
  return dir;
}

it('one cache file per copy: a rebuild replaces it, old-style and unfinished files go', () => {
  const cacheHome = path.join(base, 'cache');
  const dir = path.join(cacheHome, 'orchguard');
  const run = (copy: string) => {
    const r = spawnSync(process.execPath, [path.join(copy, 'bin/orch.js'), 'explain'], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cacheHome, ORCH_NO_CODE_CACHE: '' },
    });
    expect(r.status, r.stderr).toBe(0);
  };
  const files = () => fs.readdirSync(dir).sort();
  const a = install('a');
  run(a);
  expect(files()).toEqual([expect.stringMatching(/^cli-\w+-\w+\.v8cache$/)]);
  const first = files()[0];

  // what an earlier orch named its caches (one per build), and a run killed while writing
  fs.writeFileSync(path.join(dir, 'cli-1x2y3z.v8cache'), 'old');
  fs.writeFileSync(path.join(dir, 'hook-9q8w7e.v8cache'), 'old');
  fs.writeFileSync(path.join(dir, `${first}.4194305`), 'half');

  // a new build of the same copy
  fs.appendFileSync(path.join(a, 'dist/cli.cjs'), '\n// rebuilt\n');
  run(a);
  const afterRebuild = files();
  expect(afterRebuild).toHaveLength(1);
  expect(afterRebuild[0]).not.toBe(first);
  expect(afterRebuild[0].slice(0, first.lastIndexOf('-'))).toBe(first.slice(0, first.lastIndexOf('-')));

  // a second installed copy has its own, and a rebuild of the first leaves it alone
  const b = install('b');
  run(b);
  expect(files()).toHaveLength(2);
  const ofB = files().find((f) => f !== afterRebuild[0])!;
  fs.appendFileSync(path.join(a, 'dist/cli.cjs'), '\n// rebuilt again\n');
  run(a);
  expect(files()).toHaveLength(2);
  expect(files()).toContain(ofB);
  // and runs that find their cache write nothing new
  run(a);
  run(b);
  expect(files()).toHaveLength(2);
});
