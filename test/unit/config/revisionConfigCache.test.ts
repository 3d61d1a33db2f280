import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configAtRevision } from '../../../src/check/configAtRevision.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-revision-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A revision whose only configuration file is .orchrc.json with this text. */
const revision = (text: string) => async (spec: string) => (spec === 'base:.orchrc.json' ? Buffer.from(text) : null);

describe('the configuration a range is judged by', () => {
  it('is validated once per text: a later range reads it from the cache, and any other text is validated again', async () => {
    const text = JSON.stringify({ statusFile: 'STATUS.md' });
    const first = await configAtRevision(revision(text), 'base', dir);
    expect(first.config.statusFile).toBe('STATUS.md');
    expect(fs.existsSync(path.join(dir, 'revision-config-cache.json'))).toBe(true);
    // the working tree's cache is another file: neither evicts the other
    expect(fs.existsSync(path.join(dir, 'config-cache.json'))).toBe(false);

    const again = await configAtRevision(revision(text), 'base', dir);
    expect(again).toEqual(first);

    // a changed file is never answered from the cache: a broken one is still an error
    await expect(configAtRevision(revision('{"statusFile": 3}'), 'base', dir)).rejects.toThrow(/statusFile/);
  });
});
