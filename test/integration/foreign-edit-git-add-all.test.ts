// foreign-edit: agent A edits through its harness (the post-edit hook records it), agent B
// stages everything and commits: blocked, naming A. Once A has committed its file, B's
// commit of its own files passes. A person staging the same is warned, not blocked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EVENTS, hook, type HarnessName } from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const A = { ORCH_AGENT: 'frontend-specialist' };
const B = { ORCH_AGENT: 'backend-architect' };

it("B's git add -A sweeps A's uncommitted edit: blocked naming A; after A commits, B's own commit passes", {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'claude']).code).toBe(0);
  repo.ok(['add', '.claude/settings.json']);
  repo.ok(['commit', '-q', '-m', 'hooks']);

  repo.write('src/a.js', 'export const a = 1\n');
  const recA = hook(repo, 'claude', 'PostToolUse', 'post-tool-use.edit', { file: 'src/a.js' }, A, 'Edit');
  expect(recA.code, recA.out).toBe(0);
  expect(recA.stdout).toBe('');
  repo.write('src/b.js', 'export const b = 1\n');
  expect(hook(repo, 'claude', 'PostToolUse', 'post-tool-use.edit', { file: 'src/b.js' }, B, 'Edit').code).toBe(0);

  repo.ok(['add', '-A']);
  const blocked = repo.commit('b: everything', { env: B });
  expect(blocked.code, blocked.out).toBe(1);
  expect(blocked.out).toMatch(/foreign-edit/);
  expect(blocked.out).toMatch(
    /src\/a\.js has uncommitted edits by frontend-specialist from (less than a minute|\d+ minutes?) ago; commit only your own work/,
  );
  expect(blocked.out).toContain('git restore --staged src/a.js');
  expect(blocked.out).not.toMatch(/src\/b\.js has uncommitted/);

  // A commits its own file (only that path), then B commits everything that is left
  const aCommit = repo.git(['commit', '-q', '-m', 'a: the a module', '--', 'src/a.js'], { env: A });
  expect(aCommit.code, aCommit.out).toBe(0);
  repo.ok(['add', '-A']);
  const bCommit = repo.commit('b: the b module', { env: B });
  expect(bCommit.code, bCommit.out).toBe(0);
  expect(repo.ok(['show', '--name-only', '--format=', 'HEAD']).trim().split('\n')).toContain('src/b.js');

  // a person may commit anything: the same sweep only warns
  repo.write('src/a.js', 'export const a = 2\n');
  expect(hook(repo, 'claude', 'PostToolUse', 'post-tool-use.edit', { file: 'src/a.js' }, A, 'Edit').code).toBe(0);
  repo.ok(['add', '-A']);
  const person = repo.commit('person: tidy');
  expect(person.code, person.out).toBe(0);
  expect(person.out).toMatch(/foreign-edit/);
});

it("every harness's post-edit event records its agent's edit, and foreign-edit names that agent", {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'all']).code).toBe(0);
  const cases: [HarnessName, string, Record<string, string>, string?][] = [
    ['codex', 'post-tool-use.apply-patch', {}, 'apply_patch'],
    ['gemini', 'after-tool.write-file', {}, 'write_file'],
    ['cursor', 'after-file-edit', {}],
    ['claude', 'post-tool-use.edit', {}, 'Edit'],
  ];
  for (const [harness, fixtureName, , tool] of cases) {
    const file = `src/${harness}.js`;
    repo.write(file, `// written through ${harness}\n`);
    const vars =
      harness === 'codex'
        ? { file, patch: `*** Begin Patch\n*** Add File: ${file}\n+// written through codex\n*** End Patch\n` }
        : { file };
    const r = hook(repo, harness, EVENTS[harness].post, fixtureName, vars, { ORCH_AGENT: `${harness}-agent` }, tool);
    expect(r.code, `${harness}: ${r.out}`).toBe(0);
  }
  const log = fs.readFileSync(path.join(repo.dir, '.git/orch/edits.log'), 'utf8');
  for (const [harness] of cases) expect(log).toContain(`"path":"src/${harness}.js","agent":"${harness}-agent"`);
  // never committed: the log lives in the git directory
  expect(repo.ok(['status', '--porcelain'])).not.toContain('edits.log');
  repo.ok(['add', 'src']);
  const check = repo.orch(['check', '--staged'], { env: { ORCH_AGENT: 'qa' } });
  expect(check.code).toBe(1);
  for (const [harness] of cases)
    expect(check.out).toContain(`src/${harness}.js has uncommitted edits by ${harness}-agent`);
});
