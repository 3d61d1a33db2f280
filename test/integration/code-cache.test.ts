// bin/orch.js compiles the CLI through V8's code cache, kept per user: a first run writes
// it, later runs use it, and a cache that does not fit (garbage, another version) or a
// directory that cannot be written never keeps orch from working.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('writes one cache for hooks and one for commands, survives a corrupt or unwritable one, and can be turned off', () => {
  const repo = tempRepo();
  const home = repo.env.HOME!;
  const dir = path.join(home, '.cache', 'orchguard');
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

  // the set-up ran `orch init` (a command) and committed through the hooks
  expect(files()).toEqual([
    expect.stringMatching(/^cli-\w+-\w+\.v8cache$/),
    expect.stringMatching(/^hook-\w+-\w+\.v8cache$/),
  ]);
  // private to the user: nobody else can hand orch compiled code
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  for (const f of files()) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
  const hookCache = files()[1];
  const written = fs.statSync(path.join(dir, hookCache)).size;
  expect(written).toBeGreaterThan(10_000);

  // garbage where the cache was: V8 rejects it, the commit works, the cache is written anew
  fs.writeFileSync(path.join(dir, hookCache), Buffer.alloc(written, 7));
  repo.write('b.txt', 'b\n');
  repo.ok(['add', 'b.txt']);
  const second = repo.commit('second', { env: { ORCH_AGENT: 'frontend-developer' } });
  expect(second.code).toBe(0);
  expect(second.out).not.toMatch(/internal error|Error:/);
  expect(fs.readFileSync(path.join(dir, hookCache)).equals(Buffer.alloc(written, 7))).toBe(false);
  expect(repo.read('WORK_STATUS.md')).toMatch(/frontend-developer: A b\.txt/);

  // a cache directory that cannot be created, and the switch: orch runs, nothing is written
  const blocked = path.join(home, 'blocked');
  fs.writeFileSync(blocked, '');
  expect(repo.orch(['--version'], { env: { XDG_CACHE_HOME: blocked } }).code).toBe(0);
  fs.rmSync(dir, { recursive: true });
  expect(repo.orch(['status'], { env: { ORCH_NO_CODE_CACHE: '1' } }).code).toBe(0);
  expect(files()).toEqual([]);
});
