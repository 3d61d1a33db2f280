// Stop: an agent with uncommitted work under its locks, or a task committed but not
// finished, is held back once with the exact commands; a second stop in the same turn goes
// through (stop_hook_active / loop_count); after the commands ran, stopping is allowed.
import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import {
  EVENTS,
  configuredCommand,
  fixture,
  runHook,
  stopBlocked,
  withFields,
  type HarnessName,
} from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const agent = { ORCH_AGENT: 'backend-architect' };

function sh(repo: TempRepo, command: string): void {
  const r = spawnSync('sh', ['-c', command], { cwd: repo.dir, env: { ...repo.env, ...agent }, encoding: 'utf8' });
  expect(r.status, `${command}\n${r.stdout}${r.stderr}`).toBe(0);
}

for (const harness of ['claude', 'codex', 'gemini', 'cursor'] as HarnessName[]) {
  it(`${harness}: stop is blocked once with the commands, then allowed after they ran`, { timeout: 600_000 }, () => {
    const repo = tempRepo();
    expect(repo.orch(['init', '--agent-hooks', harness]).code).toBe(0);
    repo.write('orchestration-index.md', '# Index\n');
    repo.ok(['add', 'orchestration-index.md']);
    repo.ok(['commit', '-q', '-m', 'index', '--no-verify']);
    expect(repo.orch(['lock', 'src/api.js', '--task', 'T-1'], { env: agent }).code).toBe(0);
    repo.write('src/api.js', 'export const api = 1\n');
    const stop = configuredCommand(repo, harness, EVENTS[harness].stop);
    const payload = fixture(repo, harness, harness === 'gemini' ? 'after-agent' : 'stop');
    const again = withFields(payload, harness === 'cursor' ? { loop_count: 1 } : { stop_hook_active: true });

    const first = stopBlocked(harness, runHook(repo, stop, payload, agent));
    expect(first, 'blocked').not.toBeNull();
    const commit = /commit your work under your locks: (git add -- src\/api\.js && git commit -m "T-1: [^"]*")$/m.exec(
      first!,
    );
    expect(commit, first!).not.toBeNull();
    expect(first).toMatch(/orch done T-1/);
    expect(first).not.toMatch(/steal/i);
    // the same turn, once more: never a loop
    expect(stopBlocked(harness, runHook(repo, stop, again, agent))).toBeNull();

    // the commit ran: the task is committed but not finished
    sh(repo, commit![1]);
    const second = stopBlocked(harness, runHook(repo, stop, payload, agent));
    expect(second).not.toBeNull();
    expect(second).not.toContain('commit your work');
    const done =
      /run (orch done T-1), then (git add -- orchestration-index\.md WORK_STATUS\.md && git commit -m "T-1: done")/.exec(
        second!,
      );
    expect(done, second!).not.toBeNull();
    repo.write('orchestration-index.md', '# Index\n\n- T-1: the api module (src/api.js)\n');
    sh(repo, done![1]);
    sh(repo, done![2]);
    expect(stopBlocked(harness, runHook(repo, stop, payload, agent))).toBeNull();
    expect(repo.read('WORK_STATUS.md')).not.toContain('src/api.js |');
  });
}
