// Leases: an edit under the agent's own expiring lock pushes the expiry out again — at most
// once per locks.renewEvery — and a lock that never expires is left alone.
import { afterAll, expect, it } from 'vitest';
import { preWrite, type HarnessName } from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const minute = (d: Date) => d.toISOString().slice(0, 16) + 'Z';

for (const harness of ['claude', 'codex', 'gemini', 'cursor'] as HarnessName[]) {
  it(`${harness}: an edit renews the agent's own lease once, not on every edit`, { timeout: 600_000 }, () => {
    const repo = tempRepo();
    expect(repo.orch(['init', '--agent-hooks', harness]).code).toBe(0);
    const me = { ORCH_AGENT: 'backend-architect' };
    expect(repo.orch(['lock', 'src/app.js', '--task', 'T-4', '--ttl', '1h'], { env: me }).code).toBe(0);
    expect(repo.orch(['lock', 'src/forever.js', '--task', 'T-4'], { env: me }).code).toBe(0);
    // taken two hours ago for 2.5 hours: 30 minutes left
    const now = Date.now();
    const since = minute(new Date(now - 2 * 3600e3));
    const expires = minute(new Date(now + 30 * 60e3));
    const text = repo
      .read('WORK_STATUS.md')
      .replace(/(\| src\/app\.js \| backend-architect \| T-4 \| )[^|]+\| [^|]+\|/, `$1${since} | ${expires} |`);
    repo.write('WORK_STATUS.md', text);

    const r = preWrite(repo, harness, 'src/app.js', me);
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).toContain('renewed your lock on src/app.js');
    const row = /\| src\/app\.js \| backend-architect \| T-4 \| ([^|]+) \| ([^|]+) \|/.exec(
      repo.read('WORK_STATUS.md'),
    );
    expect(row, repo.read('WORK_STATUS.md')).not.toBeNull();
    expect(Date.parse(row![1].trim())).toBeGreaterThanOrEqual(now - 60e3); // taken again now
    const renewed = Date.parse(row![2].trim());
    expect(renewed).toBeGreaterThan(now + 2 * 3600e3); // 2.5 h from now, to the minute
    expect(renewed).toBeLessThan(now + 3 * 3600e3);

    // a second edit at once: not due, nothing rewritten
    const before = repo.read('WORK_STATUS.md');
    const again = preWrite(repo, harness, 'src/app.js', me);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('renewed');
    expect(repo.read('WORK_STATUS.md')).toBe(before);
    // a lock without expiry (and no locks.ttl) has no lease to renew
    expect(preWrite(repo, harness, 'src/forever.js', me).stderr).not.toContain('renewed');
    expect(repo.read('WORK_STATUS.md')).toBe(before);
  });
}
