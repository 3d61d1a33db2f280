// `git rebase` replays commits without pre-commit, even `rebase --continue` after a conflict.
// orch must not break it (the status file merges through the driver, trailers survive),
// and what slipped past the local hooks is caught over the range, as pre-push and CI do.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const entries = (t: string) => t.split('\n').filter((l) => /^- \d{4}-/.test(l));

it('rebase (clean, then with a conflict resolved by --continue) works; the range check catches the locked file', () => {
  const repo = tempRepo();
  const a = { ORCH_AGENT: 'agent-a' };
  const b = { ORCH_AGENT: 'agent-b' };
  repo.write('core/engine.ts', 'export const v = 0;\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'base']);
  repo.ok(['checkout', '-q', '-b', 'feature']);
  repo.write('feature/one.ts', 'export {};\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a adds one', { env: a }).code).toBe(0);
  repo.write('core/engine.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('a changes the engine', { env: a }).code).toBe(0);
  const featureEntries = entries(repo.ok(['show', 'HEAD:WORK_STATUS.md']));

  // meanwhile on main: b takes core/ and changes the engine itself
  repo.ok(['checkout', '-q', 'main']);
  expect(repo.orch(['lock', 'core/'], { env: b }).code).toBe(0);
  repo.write('core/engine.ts', 'export const v = 2;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('b changes the engine under its lock', { env: b }).code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  repo.ok(['checkout', '-q', 'feature']);
  const rebase = repo.git(['rebase', 'main'], { env: a });
  expect(rebase.code).toBe(1);
  expect(rebase.out).toContain('CONFLICT (content): Merge conflict in core/engine.ts');
  expect(rebase.out).not.toContain('Merge conflict in WORK_STATUS.md');
  repo.write('core/engine.ts', 'export const v = 3;\n');
  repo.ok(['add', 'core/engine.ts']);
  const cont = repo.git(['rebase', '--continue'], { env: { ...a, GIT_EDITOR: 'true' } });
  expect(cont.code, cont.out).toBe(0);
  // no pre-commit ran: nothing of orch's in the output, and the commit went through
  expect(cont.out).not.toMatch(/lock-conflict|orch:|internal error/);
  expect(repo.ok(['rev-list', '--count', `${base}..HEAD`]).trim()).toBe('2');
  const status = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(status).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
  for (const e of featureEntries) expect(entries(status)).toContain(e);
  for (const sha of repo
    .ok(['rev-list', `${base}..HEAD`])
    .trim()
    .split('\n')) {
    expect(repo.ok(['log', '-1', '--format=%B', sha])).toContain('Agent: agent-a');
  }

  // the backstop: the range a push or pull request brings names the rebased commit
  const r = repo.orch(['check', '--range', `${base}..HEAD`, '--format', 'json']);
  expect(r.code, r.out).toBe(1);
  const findings = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'lock-conflict');
  expect(findings).toHaveLength(1);
  expect(findings[0].path).toBe('core/engine.ts');
  expect(findings[0].holder).toBe('agent-b');
  expect(findings[0].commit).toBe(repo.ok(['rev-parse', 'HEAD']).trim());
});
