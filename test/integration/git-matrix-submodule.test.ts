// A submodule pointer is a path like any other: moving it under another agent's lock (on the
// submodule itself or on a directory above it) is blocked; moving a free one is recorded.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const FILE_PROTOCOL = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'protocol.file.allow', GIT_CONFIG_VALUE_0: 'always' };

it("a submodule pointer change under another agent's lock is blocked", () => {
  const lib = tempRepo({ init: false, name: 'lib' });
  lib.write('README.md', 'v1\n');
  lib.ok(['add', '-A']);
  lib.ok(['commit', '-q', '-m', 'v1']);
  const repo = tempRepo();
  repo.ok(['submodule', 'add', '-q', lib.dir, 'vendor/lib'], { env: FILE_PROTOCOL });
  repo.ok(['submodule', 'add', '-q', lib.dir, 'vendor/free'], { env: FILE_PROTOCOL });
  repo.ok(['commit', '-q', '-m', 'add submodules']);
  lib.write('README.md', 'v2\n');
  lib.ok(['commit', '-q', '-am', 'v2']);
  const a = { ORCH_AGENT: 'agent-a' };
  const b = { ORCH_AGENT: 'agent-b' };

  for (const lockPath of ['vendor/lib', 'vendor/']) {
    expect(repo.orch(['lock', lockPath], { env: b }).code).toBe(0);
    repo.ok(['pull', '-q', 'origin', 'main'], { cwd: `${repo.dir}/vendor/lib`, env: FILE_PROTOCOL });
    repo.ok(['add', 'vendor/lib']);
    expect(repo.ok(['diff', '--cached', '--raw']).trim()).toMatch(/^:160000 160000 .* M\tvendor\/lib$/);
    const r = repo.commit('a moves the submodule', { env: a });
    expect(r.code, r.out).toBe(1);
    expect(r.stderr).toContain('vendor/lib');
    expect(r.stderr).toContain('is locked by agent-b');
    expect(repo.orch(['unlock', lockPath], { env: b }).code).toBe(0);
    repo.ok(['reset', '-q']);
    repo.ok(['submodule', 'update', '-q'], { env: FILE_PROTOCOL });
  }

  // a free submodule moves, and the entry names it
  repo.ok(['pull', '-q', 'origin', 'main'], { cwd: `${repo.dir}/vendor/free`, env: FILE_PROTOCOL });
  repo.ok(['add', 'vendor/free']);
  const ok = repo.commit('a moves the free submodule', { env: a });
  expect(ok.code, ok.out).toBe(0);
  expect(repo.ok(['show', 'HEAD:WORK_STATUS.md'])).toMatch(/agent-a[^\n]*M vendor\/free/);
});
