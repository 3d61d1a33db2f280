// Session end: the auto-locks this session took are released when nothing uncommitted lies
// under them; one with uncommitted work stays, and another session's auto-lock stays.
import { afterAll, expect, it } from 'vitest';
import { EVENTS, configuredCommand, fixture, preWrite, runHook, type HarnessName } from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

for (const harness of ['claude', 'gemini', 'cursor'] as HarnessName[]) {
  it(`${harness}: session end releases the session's clean auto-locks only`, { timeout: 600_000 }, () => {
    const repo = tempRepo();
    const cfg = JSON.parse(repo.read('.orchrc.json'));
    repo.write('.orchrc.json', JSON.stringify({ ...cfg, locks: { ...cfg.locks, autoLock: true } }, null, 2));
    expect(repo.orch(['init', '--agent-hooks', harness]).code).toBe(0);
    repo.ok(['add', '-A']);
    repo.ok(['commit', '-q', '-m', 'auto-lock on']);
    const me = { ORCH_AGENT: 'frontend-specialist' };
    for (const [file, session] of [
      ['src/clean.js', 'sess-A'],
      ['src/dirty.js', 'sess-A'],
      ['src/other.js', 'sess-B'],
    ]) {
      const r = preWrite(repo, harness, file, me, session);
      expect(r.code, r.out).toBe(0);
    }
    const locked = repo.read('WORK_STATUS.md');
    for (const f of ['src/clean.js', 'src/dirty.js', 'src/other.js'])
      expect(locked).toContain(`| ${f} | frontend-specialist | auto |`);
    repo.write('src/dirty.js', 'work in progress\n');

    const end = runHook(
      repo,
      configuredCommand(repo, harness, EVENTS[harness].end!),
      fixture(repo, harness, 'session-end', { session: 'sess-A' }),
      me,
    );
    expect(end.code, end.out).toBe(0);
    const after = repo.read('WORK_STATUS.md');
    expect(after).not.toContain('| src/clean.js |');
    expect(after).toContain('| src/dirty.js | frontend-specialist | auto |');
    expect(after).toContain('| src/other.js | frontend-specialist | auto |');
    // what stays is committed: the release completes no task (no index update needed)
    repo.ok(['add', 'src/dirty.js', 'WORK_STATUS.md']);
    const c = repo.commit('dirty work', { env: me });
    expect(c.code, c.out).toBe(0);
  });
}
