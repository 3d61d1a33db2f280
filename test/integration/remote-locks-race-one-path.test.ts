import { afterAll, expect, it } from 'vitest';
import { cloneOf, lockServer, orchAsync, rows, serverTable } from '../helpers/remoteClones.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('three clones racing to lock one path leave exactly one holder on the lock branch; the others are told who won', async () => {
  const { server } = lockServer();
  const clones = [1, 2, 3].map((i) => cloneOf(server, `clone-${i}`));
  const results = await Promise.all(
    clones.map((c, i) =>
      orchAsync(c, ['lock', 'services/orders/handler.ts', '--task', `T-${i + 1}`], { ORCH_AGENT: `agent-${i + 1}` }),
    ),
  );
  const winners = results.flatMap((r, i) => (r.code === 0 ? [i + 1] : []));
  expect(winners, results.map((r) => r.out).join('\n---\n')).toHaveLength(1);
  const winner = `agent-${winners[0]}`;
  expect(results[winners[0] - 1].stdout).toContain('Published to origin/orch/locks');
  for (const [i, r] of results.entries()) {
    if (i + 1 === winners[0]) continue;
    expect(r.code, r.out).toBe(1);
    expect(r.stderr).toContain('lock-conflict');
    expect(r.stderr).toContain(
      `services/orders/handler.ts overlaps the lock on services/orders/handler.ts held by ${winner}`,
    );
  }

  const table = rows(serverTable(server), 'services/');
  expect(table).toHaveLength(1);
  expect(table[0]).toMatch(new RegExp(`^\\| services/orders/handler\\.ts \\| ${winner} \\| T-${winners[0]} \\|`));
  // one commit per operation that changed something, authored as the agent
  const log = server.ok(['log', '--format=%an <%ae>|%s', 'orch/locks']).trim().split('\n');
  expect(log[0]).toBe(`${winner} <${winner}@orch.invalid>|lock services/orders/handler.ts (T-${winners[0]})`);
  expect(log).toHaveLength(2);

  // every clone's WORK_STATUS.md now shows the shared table, losers included
  for (const c of clones) expect(rows(c.read('WORK_STATUS.md'), 'services/')).toEqual(table);
});
