import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OrchError } from '../../../src/errors.js';

// A failure after the temporary file exists (a full disk at rename time, here injected)
// must still leave the directory as it was.
const failRename = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failRename.code) throw Object.assign(new Error(failRename.code), { code: failRename.code });
      return real.rename(from, to);
    },
  };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      if (failRename.code) throw Object.assign(new Error(failRename.code), { code: failRename.code });
      return real.renameSync(from, to);
    },
  };
});

const { atomicWrite, atomicWriteSync } = await import('../../../src/fs/atomicWrite.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orch-write-fail-'));
  failRename.code = '';
  return () => rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['atomicWrite', (p: string, t: string) => atomicWrite(p, t)],
  ['atomicWriteSync', async (p: string, t: string) => atomicWriteSync(p, t)],
] as const)('%s when the final rename fails', (_name, write) => {
  it('removes its temporary file, keeps the original and explains the error', async () => {
    const file = join(dir, 'WORK_STATUS.md');
    writeFileSync(file, 'original\n');
    failRename.code = 'ENOSPC';
    const error = await write(file, 'replaced\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OrchError);
    expect((error as OrchError).message).toBe(`Cannot write ${file}: no space left on the device.`);
    expect(readFileSync(file, 'utf8')).toBe('original\n');
    expect(readdirSync(dir)).toEqual(['WORK_STATUS.md']);
  });

  it("passes on errors that are not the user's to fix, still cleaning up", async () => {
    const file = join(dir, 'WORK_STATUS.md');
    failRename.code = 'EIO';
    await expect(write(file, 'x')).rejects.toMatchObject({ code: 'EIO' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
