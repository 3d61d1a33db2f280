import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("blocks deleting another agent's lock row by hand; a recorded steal passes", () => {
  const repo = tempRepo();
  const holder = { ORCH_AGENT: 'backend-architect' };
  const thief = { ORCH_AGENT: 'frontend-specialist' };
  expect(repo.orch(['lock', 'src/orders.ts', '--task', 'T-1'], { env: holder }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('lock', { env: holder }).code).toBe(0);

  // by hand: drop the row
  const text = repo.read('WORK_STATUS.md');
  repo.write('WORK_STATUS.md', text.replace(/^\| src\/orders\.ts \| backend-architect .*\n/m, ''));
  repo.ok(['add', 'WORK_STATUS.md']);
  const byHand = repo.commit('remove their lock', { env: thief });
  expect(byHand.code).toBe(1);
  expect(byHand.stderr).toContain('status-integrity');
  expect(byHand.stderr).toContain('backend-architect');

  // the recorded way
  repo.ok(['checkout', '--', 'WORK_STATUS.md']);
  repo.ok(['reset', '-q']);
  repo.ok(['checkout', '--', 'WORK_STATUS.md']);
  const steal = repo.orch(['unlock', 'src/orders.ts', '--steal', '--reason', 'holder offline since Friday'], {
    env: thief,
  });
  expect(steal.code, steal.out).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  const ok = repo.commit('take over orders', { env: thief });
  expect(ok.code, ok.out).toBe(0);
  const committed = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
  expect(committed).toMatch(
    /frontend-specialist steal src\/orders\.ts from backend-architect: holder offline since Friday/,
  );
  expect(committed).not.toMatch(/^\| src\/orders\.ts \| backend-architect/m);
});

it('blocks an agent changing .orchrc.json unless it is among configOwners', () => {
  const repo = tempRepo();
  const cfg = JSON.parse(repo.read('.orchrc.json'));
  repo.write('.orchrc.json', JSON.stringify({ ...cfg, rules: { 'lock-conflict': 'off' } }, null, 2));
  repo.ok(['add', '.orchrc.json']);
  const agent = repo.commit('relax my own rules', { env: { ORCH_AGENT: 'backend-architect' } });
  expect(agent.code).toBe(1);
  expect(agent.stderr).toContain('contract-owner');
  expect(agent.stderr).toContain('.orchrc.json');

  // a person lists an agent as config owner; that agent may then change it
  repo.write('.orchrc.json', JSON.stringify({ ...cfg, configOwners: ['devops-engineer'] }, null, 2));
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('person edits config').code).toBe(0);
  repo.write(
    '.orchrc.json',
    JSON.stringify({ ...cfg, configOwners: ['devops-engineer'], locks: { ttl: '8h' } }, null, 2),
  );
  repo.ok(['add', '.orchrc.json']);
  const owner = repo.commit('owner agent edits config', { env: { ORCH_AGENT: 'devops-engineer' } });
  expect(owner.code, owner.out).toBe(0);
});
