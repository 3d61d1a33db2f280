import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeDriver } from '../../../src/store/mergeDriver.js';
import { OrchError } from '../../../src/errors.js';

// git merge-file follows merge.conflictStyle: keep a developer's own git config out of it
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-merge-driver-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

/** git's three temporary files in a fresh directory. */
function files(base: string | Buffer, ours: string | Buffer, theirs: string | Buffer) {
  const dir = path.join(root, String(n++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'O'), base);
  fs.writeFileSync(path.join(dir, 'A'), ours);
  fs.writeFileSync(path.join(dir, 'B'), theirs);
  return {
    cwd: dir,
    base: 'O',
    ours: 'A',
    theirs: 'B',
    pathname: 'WORK_STATUS.md',
    read: () => fs.readFileSync(path.join(dir, 'A'), 'utf8'),
  };
}

const doc = (rows: string[], intro = 'Intro.') =>
  `# Work Status\n\n${intro}\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n${rows.join('\n')}\n\n## Log\n`;

describe('mergeDriver', () => {
  it('writes the merge into the %A file and exits 0 when it is clean', async () => {
    const f = files(doc(['| a.ts | x |']), doc(['| a.ts | x |', '| b.ts | y |']), doc(['| c.ts | z |']));
    expect(await mergeDriver(f)).toBe(0);
    expect(f.read()).toBe(doc(['| b.ts | y |', '| c.ts | z |']));
  });

  it('exits 1 with git conflict markers when both sides changed the same prose', async () => {
    const f = files(doc([]), doc(['| b.ts | y |'], 'Ours.'), doc([], 'Theirs.'));
    expect(await mergeDriver({ ...f, markerSize: 9 })).toBe(1);
    const text = f.read();
    expect(text).toContain('<<<<<<<<< ours\nOurs.\n=========\nTheirs.\n>>>>>>>>> theirs\n');
    expect(text).toContain('| b.ts | y |');
  });

  it('leaves a file that is not text untouched and exits 1, saying why', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
    const f = files(doc([]), binary, doc(['| c.ts | z |']));
    const said: string[] = [];
    expect(await mergeDriver({ ...f, warn: (m) => said.push(m) })).toBe(1);
    expect(fs.readFileSync(path.join(f.cwd, 'A'))).toEqual(binary);
    expect(said.join('\n')).toContain('not a text file');
  });

  it('throws an OrchError naming the file it cannot read', async () => {
    const f = files(doc([]), doc([]), doc([]));
    await expect(mergeDriver({ ...f, base: 'missing' })).rejects.toThrow(OrchError);
    await expect(mergeDriver({ ...f, base: 'missing' })).rejects.toThrow(/cannot read .*missing/);
  });
});
