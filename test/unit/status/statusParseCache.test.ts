import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { statusHead } from '../../../src/status/readStatusHead.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { cachedParse, saveStatusCache, useStatusCache } from '../../../src/status/statusParseCache.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/status');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-status-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  useStatusCache(null);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the status parse cache', () => {
  it('gives the next run every fixture exactly as parsing it does, without parsing', () => {
    const dir = tempDir();
    const heads = fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ source: f, head: statusHead(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) }));
    useStatusCache(dir);
    for (const { source, head } of heads) cachedParse(source, head, () => readStatus(head, { source }));
    saveStatusCache();

    useStatusCache(dir); // as a new process would
    const parse = vi.fn();
    for (const { source, head } of heads) {
      expect(cachedParse(source, head, parse), source).toEqual(readStatus(head, { source }));
    }
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses again when the head changed, and keeps the new one', () => {
    const dir = tempDir();
    const before = '## Locks\n\n| Path | Agent |\n| --- | --- |\n| a.ts | x |\n';
    const after = before + '| b.ts | y |\n';
    useStatusCache(dir);
    cachedParse('WORK_STATUS.md', before, () => readStatus(before));
    saveStatusCache();
    useStatusCache(dir);
    const parse = vi.fn(() => readStatus(after));
    expect(cachedParse('WORK_STATUS.md', after, parse).locks.map((l) => l.path)).toEqual(['a.ts', 'b.ts']);
    expect(parse).toHaveBeenCalledTimes(1);
    saveStatusCache();
    useStatusCache(dir);
    const again = vi.fn();
    expect(cachedParse('WORK_STATUS.md', after, again).locks).toHaveLength(2);
    expect(again).not.toHaveBeenCalled();
  });

  it('parses when the cache file is unreadable or cannot be written, and never throws', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'status-cache.json'), '{"v": "1:');
    useStatusCache(dir);
    const text = '## Locks\n\n| Path | Agent |\n| --- | --- |\n| a.ts | x |\n';
    const parse = vi.fn(() => readStatus(text));
    expect(cachedParse('WORK_STATUS.md', text, parse).locks).toHaveLength(1);
    expect(parse).toHaveBeenCalledTimes(1);
    // a file where the cache directory should be: nothing can be written there
    const blocked = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(blocked, '');
    useStatusCache(path.join(blocked, 'orch'));
    cachedParse('WORK_STATUS.md', text, parse);
    expect(() => saveStatusCache()).not.toThrow();
  });
});
