// The roster: agent definitions in .claude/agents/*.md name the project's agents; a misspelt
// ORCH_AGENT and a misspelt contract owner are each warned about with the name meant, at the
// commit itself, and `orch status` / `orch doctor` show the roster and where it came from.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const definition = (name: string, description: string) =>
  `---\nname: ${name}\ndescription: ${description}\ntools: Read, Edit\n---\n\nYou are ${name}.\n`;

it('warns about a misspelt identity and a misspelt contract owner, naming the closest agent', () => {
  const repo = tempRepo();
  repo.write('.claude/agents/frontend-specialist.md', definition('frontend-specialist', 'UI work'));
  repo.write('.claude/agents/backend-architect.md', definition('backend-architect', 'APIs and contracts'));
  repo.write('.claude/agents/docker-expert.md', definition('docker-expert', 'containers'));
  repo.write('.claude/agents/notes.md', 'No front matter: not an agent.\n');
  const config = JSON.parse(repo.read('.orchrc.json'));
  config.contracts = [{ name: 'public API', paths: ['api/openapi.yaml'], owners: ['backend-architcet'] }];
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'agents and contract']);

  repo.write('web/app.tsx', 'export {};\n');
  repo.ok(['add', 'web/app.tsx']);
  const r = repo.commit('typo in the identity', { env: { ORCH_AGENT: 'frontend-specalist' } });
  // warnings only: the commit goes through
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('unknown-agent');
  expect(r.stderr).toContain(
    'frontend-specalist (the identity, from env) is not a known agent; did you mean frontend-specialist?',
  );
  expect(r.stderr).toContain(
    'backend-architcet (owner of the contract public API) is not a known agent; did you mean backend-architect?',
  );

  // the right name: no identity warning (the contract's typo is still reported)
  repo.write('web/app.tsx', 'export const a = 1;\n');
  repo.ok(['add', 'web/app.tsx']);
  const ok = repo.commit('right name', { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(ok.code).toBe(0);
  expect(ok.stderr).not.toContain('frontend-specalist');
  expect(ok.stderr).toContain('did you mean backend-architect?');

  const status = repo.orch(['status'], { env: { ORCH_AGENT: 'frontend-specialist' } });
  expect(status.stdout).toContain('Roster (3, from .claude/agents):');
  expect(status.stdout).toContain('  backend-architect — .claude/agents/backend-architect.md');
  const json = JSON.parse(repo.orch(['status', '--format', 'json']).stdout);
  expect(json.roster.agents.map((a: { name: string }) => a.name).sort()).toEqual([
    'backend-architect',
    'docker-expert',
    'frontend-specialist',
  ]);

  const doctor = repo.orch(['doctor']);
  expect(doctor.stdout).toMatch(/roster: 3 agents from \.claude\/agents: /);
});

it('reads definitions from the configured globs, and a lock holder outside the roster is warned too', () => {
  const repo = tempRepo();
  repo.write('ops/agents/release-captain.md', definition('release-captain', 'releases'));
  const config = JSON.parse(repo.read('.orchrc.json'));
  // the name the configuration contract gives: agents.definitions
  config.agents = { ...(config.agents ?? {}), definitions: ['ops/agents/*.md'] };
  config.rules = { ...(config.rules ?? {}), 'container-review': 'off' };
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '-m', 'configured roster']);
  expect(repo.orch(['lock', 'src/'], { env: { ORCH_AGENT: 'release-captian' } }).code).toBe(0);
  repo.write('docs/x.md', 'x\n');
  repo.ok(['add', '-A']);
  const r = repo.commit('release', { env: { ORCH_AGENT: 'release-captain' } });
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(
    'release-captian (lock holder of src/) is not a known agent; did you mean release-captain?',
  );
  expect(r.stderr).not.toContain('release-captain (the identity');
});
