// A steal is a person's decision, and only worth offering where it unblocks the change:
// people get the steal command; agents are told to wait or ask (a steal only "if a person
// approved it"), and for a contract they do not own no steal at all — at commit time and
// in the edit-time guard alike.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const fixOf = (stderr: string) => /→ (.*)$/m.exec(stderr)?.[1] ?? '';

it('fix lines by who is asking and whether a steal would help', () => {
  const repo = tempRepo();
  const owner = { ORCH_AGENT: 'backend-architect' };
  const agent = { ORCH_AGENT: 'frontend-developer' };
  expect(repo.orch(['lock', 'api/openapi.yaml', 'src/app.ts'], { env: owner }).code).toBe(0);
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\n');
  repo.write('src/app.ts', 'export {};\n');

  // an agent, an ordinary file: wait or ask; a steal only with a person's approval
  repo.ok(['add', 'src/app.ts']);
  const plain = repo.commit('app', { env: agent });
  expect(plain.code).toBe(1);
  expect(fixOf(plain.stderr)).toBe(
    'Wait for backend-architect to release it, or ask them; only if a person approved taking it over: orch unlock src/app.ts --steal --reason "<who approved, and why>"',
  );

  // an agent, a contract it does not own: no steal (contract-owner would still block)
  repo.ok(['reset', '-q']);
  repo.ok(['add', 'api/openapi.yaml']);
  const contract = repo.orch(['check', '--staged', '--format', 'json'], { env: agent });
  expect(contract.code).toBe(1);
  // the blocking findings (a new contract file also draws contract-proof and decision-record warnings)
  const findings = (
    JSON.parse(contract.stdout).findings as Array<{ rule: string; severity: string; fix?: string }>
  ).filter((f) => f.severity === 'error');
  expect(findings.map((f) => f.rule).sort()).toEqual(['contract-owner', 'lock-conflict']);
  for (const f of findings) expect(f.fix ?? '').not.toContain('--steal');
  expect(findings.find((f) => f.rule === 'lock-conflict')!.fix).toContain('ask backend-architect (the owner)');

  // the edit-time guard gives an agent the same advice
  const guard = repo.orch(['guard', '--path', 'api/openapi.yaml'], { env: agent });
  expect(guard.code).toBe(2);
  expect(guard.stderr).not.toContain('--steal');

  // a person is offered the steal
  const person = repo.orch(['check', '--staged']);
  expect(person.code).toBe(1);
  expect(fixOf(person.stderr)).toBe('orch unlock api/openapi.yaml --steal --reason "<why>"');
});
