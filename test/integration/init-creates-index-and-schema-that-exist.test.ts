// `orch init` creates orchestration-index.md when missing (so task-completion's fix
// `git add orchestration-index.md` works), and writes a "$schema" that names a file that
// exists: the project's install when there is one, else the installed orch's own.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ORCH_BIN, ROOT, cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('index file from a template, and a $schema that resolves, global or local', () => {
  // global install (orch on PATH, no node_modules)
  const repo = tempRepo({ init: false });
  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  expect(init.stdout).toMatch(/Next: commit .*orchestration-index\.md/);
  const index = repo.read('orchestration-index.md');
  for (const section of ['## Project', '## Services', '## Decisions', '## Completed tasks'])
    expect(index).toContain(section);
  const schema = JSON.parse(repo.read('.orchrc.json')).$schema as string;
  expect(schema).not.toContain('node_modules');
  expect(fs.existsSync(path.resolve(repo.dir, schema))).toBe(true);
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'Set up']);

  // the task-completion fix works as printed
  const dev = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'src/a.ts', '--task', 'T-1'], { env: dev }).code).toBe(0);
  repo.write('src/a.ts', 'export {};\n');
  expect(repo.orch(['done', 'T-1'], { env: dev }).code).toBe(0);
  repo.ok(['add', 'src/a.ts', 'WORK_STATUS.md']);
  const blocked = repo.commit('a', { env: dev });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('→ git add orchestration-index.md');
  fs.appendFileSync(path.join(repo.dir, 'orchestration-index.md'), '\n- T-1: src/a.ts\n');
  repo.ok(['add', 'orchestration-index.md']);
  expect(repo.commit('a', { env: dev }).code).toBe(0);

  // local install: the relative path into node_modules, which exists
  const local = tempRepo({ init: false, bin: false });
  fs.mkdirSync(path.join(local.dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(ROOT, path.join(local.dir, 'node_modules/orchguard'));
  fs.symlinkSync(ORCH_BIN, path.join(local.dir, 'node_modules/.bin/orch'));
  expect(local.orch(['init']).code).toBe(0);
  expect(JSON.parse(local.read('.orchrc.json')).$schema).toBe('./node_modules/orchguard/schema.json');
  // an existing index is left as it was
  fs.writeFileSync(path.join(local.dir, 'orchestration-index.md'), '# Ours\n');
  expect(local.orch(['init']).code).toBe(0);
  expect(local.read('orchestration-index.md')).toBe('# Ours\n');
});
