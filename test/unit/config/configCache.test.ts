import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/loadConfig.js';
import { readConfigCache } from '../../../src/config/configCache.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('serves a validated config from the cache until the file changes', async () => {
  const top = path.join(dir, 'repo');
  const cache = path.join(dir, 'cache');
  fs.mkdirSync(top);
  const file = path.join(top, '.orchrc.json');
  fs.writeFileSync(file, JSON.stringify({ locks: { ttl: '8h' } }));
  const first = await loadConfig(top, { cacheDir: cache });
  expect(first.config.locks.ttl).toBe('8h');
  expect(readConfigCache(cache, file, fs.readFileSync(file, 'utf8'))?.locks.ttl).toBe('8h');

  fs.writeFileSync(file, JSON.stringify({ locks: { ttl: '2d' } }));
  expect((await loadConfig(top, { cacheDir: cache })).config.locks.ttl).toBe('2d');

  // an invalid edit is never served from the cache
  fs.writeFileSync(file, JSON.stringify({ locks: { ttl: 'forever' } }));
  await expect(loadConfig(top, { cacheDir: cache })).rejects.toThrow(/locks\.ttl/);
});
