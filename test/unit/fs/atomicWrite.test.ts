import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrchError } from '../../../src/errors.js';
import { atomicWrite, atomicWriteSync } from '../../../src/fs/atomicWrite.js';
import { fsWriteError } from '../../../src/fs/fsWriteError.js';
import { buildChild } from './buildChild.js';
import { spawnChild } from './spawnChild.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let child: string;
let dir: string;

beforeAll(async () => {
  child = await buildChild();
});
afterAll(() => rmSync(join(child, '..'), { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orch-write-'));
  return () => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  };
});

const variants = [
  ['atomicWrite', (p: string, t: string) => atomicWrite(p, t)],
  ['atomicWriteSync', async (p: string, t: string) => atomicWriteSync(p, t)],
] as const;

async function writeError(write: (p: string, t: string) => Promise<void>, path: string): Promise<OrchError> {
  try {
    await write(path, 'new');
  } catch (e) {
    expect(e).toBeInstanceOf(OrchError);
    return e as OrchError;
  }
  throw new Error('expected the write to fail');
}

describe.each(variants)('%s', (_name, write) => {
  it('creates a file, and replaces one, leaving no temporary file', async () => {
    const file = join(dir, 'WORK_STATUS.md');
    await write(file, '# Work Status\n');
    expect(readFileSync(file, 'utf8')).toBe('# Work Status\n');
    await write(file, '# Work Status\n\n## Locks\n');
    expect(readFileSync(file, 'utf8')).toBe('# Work Status\n\n## Locks\n');
    expect(readdirSync(dir)).toEqual(['WORK_STATUS.md']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const script = join(dir, 'hook.sh');
    writeFileSync(script, '#!/bin/sh\n');
    chmodSync(script, 0o755);
    await write(script, '#!/bin/sh\nexit 0\n');
    expect(statSync(script).mode & 0o777).toBe(0o755);

    const secret = join(dir, 'secret');
    writeFileSync(secret, 'a');
    chmodSync(secret, 0o600);
    await write(secret, 'b');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
  });

  it.runIf(isRoot)('hands a file written by root back to its owner', async () => {
    const file = join(dir, 'owned');
    writeFileSync(file, 'a');
    chownSync(file, NOBODY, NOBODY);
    await write(file, 'b');
    expect(statSync(file)).toMatchObject({ uid: NOBODY, gid: NOBODY });
  });

  it('writes through a symlink to the file it points at', async () => {
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await write(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('refuses to replace a directory, naming it', async () => {
    const target = join(dir, 'WORK_STATUS.md');
    mkdirSync(target);
    const e = await writeError(write, target);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`Cannot write ${target}: a directory is in the way.`);
    expect(readdirSync(dir)).toEqual(['WORK_STATUS.md']);
  });

  it('says so when the directory does not exist', async () => {
    const target = join(dir, 'missing', 'WORK_STATUS.md');
    const e = await writeError(write, target);
    expect(e.message).toBe(`Cannot write ${target}: its directory does not exist.`);
    expect(e.hint).toContain(`mkdir -p "${join(dir, 'missing')}"`);
  });
});

describe('atomicWrite into a read-only directory', () => {
  // Permission bits do not stop root, so as root the write runs as "nobody".
  for (const mode of ['async', 'sync']) {
    it(`fails with a clear message, keeps the original and leaves no temporary file (${mode})`, async () => {
      chmodSync(dir, 0o755);
      const ro = join(dir, 'ro');
      mkdirSync(ro);
      const file = join(ro, 'WORK_STATUS.md');
      writeFileSync(file, 'original\n');
      chmodSync(ro, 0o555);
      const run = spawnChild(child, ['write', file, 'replaced\n', mode], isRoot ? { uid: NOBODY, gid: NOBODY } : {});
      const { code, lines, stderr } = await run.exited;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(lines[0]).toMatchObject({
        orch: true,
        exitCode: 2,
        message: `Cannot write ${file}: permission denied (EACCES).`,
      });
      expect(lines[0].hint).toContain(`ls -ld "${ro}"`);
      expect(readFileSync(file, 'utf8')).toBe('original\n');
      expect(readdirSync(ro)).toEqual(['WORK_STATUS.md']);
    });
  }
});

describe('fsWriteError', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });

  it('explains a full disk and a read-only file system, and what to do', () => {
    const full = fsWriteError(err('ENOSPC'), '/repo/WORK_STATUS.md') as OrchError;
    expect(full).toBeInstanceOf(OrchError);
    expect(full.message).toBe('Cannot write /repo/WORK_STATUS.md: no space left on the device.');
    expect(full.hint).toContain('df -h "/repo"');
    const ro = fsWriteError(err('EROFS'), '/repo/WORK_STATUS.md') as OrchError;
    expect(ro.message).toBe('Cannot write /repo/WORK_STATUS.md: the file system is read-only.');
    expect((fsWriteError(err('EPERM'), '/r/f') as OrchError).message).toBe(
      'Cannot write /r/f: permission denied (EPERM).',
    );
  });

  it('leaves errors the user cannot fix alone', () => {
    const other = err('EIO');
    expect(fsWriteError(other, '/r/f')).toBe(other);
  });
});

describe('atomicWrite under SIGKILL', () => {
  it('leaves the old or the new content, never a mix', async () => {
    const target = join(dir, 'WORK_STATUS.md');
    const a = `${'a'.repeat(99)}\n`.repeat(20_000) + 'END A\n'; // ~2 MB
    const b = `${'b'.repeat(99)}\n`.repeat(30_000) + 'END B\n'; // ~3 MB
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.txt'), b);
    writeFileSync(target, a);
    for (let round = 0; round < 5; round++) {
      const run = spawnChild(child, ['write-loop', target, join(dir, 'a.txt'), join(dir, 'b.txt')]);
      await run.waitFor((l) => l.started === true);
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 60));
      run.process.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      const content = readFileSync(target, 'utf8');
      expect(
        content === a || content === b,
        `round ${round}: ${content.length} bytes, ends ${JSON.stringify(content.slice(-8))}`,
      ).toBe(true);
    }
  });
});
