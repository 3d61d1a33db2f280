// Links at edit time: an edit through a symbolic link inside the repository changes the
// file the link leads to, and the commit will show that file. The guard gives the commit
// hook's answer: `link/app.js` where `link -> src`, and `applink -> src/app.js`, are blocked
// while another agent holds src/app.js.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { denied, hook } from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch guard resolves links inside the repository and blocks what the commit hook would', {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'claude']).code).toBe(0);
  repo.write('src/app.js', 'export const a = 1\n');
  fs.symlinkSync('src', path.join(repo.dir, 'link'));
  fs.symlinkSync('src/app.js', path.join(repo.dir, 'applink'));
  repo.ok(['add', 'src/app.js', 'link', 'applink']);
  repo.ok(['commit', '-q', '-m', 'app and links', '--no-verify']);
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-1'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  const intruder = { ORCH_AGENT: 'frontend' };

  for (const file of ['link/app.js', 'applink']) {
    const viaPath = repo.orch(['guard', '--path', file], { env: intruder });
    expect(viaPath.code, `${file}: ${viaPath.out}`).toBe(2);
    expect(viaPath.stderr).toContain('src/app.js is locked by backend-architect');
    const viaHook = hook(repo, 'claude', 'PreToolUse', 'pre-tool-use.edit', { file }, intruder, 'Edit');
    expect(denied('claude', viaHook), `${file}: ${viaHook.out}`).toBe(true);
    const viaShell = hook(
      repo,
      'claude',
      'PreToolUse',
      'pre-tool-use.bash',
      { command: `echo x > ${file}` },
      intruder,
      'Bash',
    );
    expect(denied('claude', viaShell), `shell ${file}: ${viaShell.out}`).toBe(true);
  }
  // a new file through the directory link lands under a locked directory
  expect(repo.orch(['lock', 'src/new/'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  fs.mkdirSync(path.join(repo.dir, 'src/new'));
  expect(repo.orch(['guard', '--path', 'link/new/file.js'], { env: intruder }).code).toBe(2);

  // the commit hook agrees: the edit through the link is an edit of src/app.js
  fs.writeFileSync(path.join(repo.dir, 'link/app.js'), 'export const a = 2\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('through the link', { env: intruder }).code).toBe(1);
  repo.ok(['reset', '-q', '--hard']);
  // the holder edits through the link freely; a free file through the link passes
  expect(repo.orch(['guard', '--path', 'applink'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  expect(repo.orch(['guard', '--path', 'link/free.js'], { env: intruder }).code).toBe(0);
});
